import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CategoryRef, SqlScope } from '@harbour/access';
import { Category } from './category.entity';

/**
 * The category's access fields (what `CategoryRef` holds), selected from `alias` as `<prefix>group_id`, …:
 * the one definition every lib's SQL uses when it must ask access about a category. Read them back with
 * `categoryRefFrom(row, prefix)`.
 */
export function categoryAccessColumns(alias: string, prefix = ''): string {
  return [
    `${alias}.group_id AS ${prefix}group_id`,
    `${alias}.shared_group_ids AS ${prefix}shared_group_ids`,
    `${alias}.see_access AS ${prefix}see_access`,
    `${alias}.start_access AS ${prefix}start_access`,
    `${alias}.reply_access AS ${prefix}reply_access`,
    `${alias}.topics_visible_to AS ${prefix}topics_visible_to`,
  ].join(', ');
}

/** The access fields of a row selected with `categoryAccessColumns(alias, prefix)`, as access takes them. */
export function categoryRefFrom(row: object, prefix = ''): CategoryRef {
  const columns = row as Record<string, unknown>;
  return {
    groupId: columns[`${prefix}group_id`] as CategoryRef['groupId'],
    sharedGroupIds: columns[`${prefix}shared_group_ids`] as CategoryRef['sharedGroupIds'],
    seeAccess: columns[`${prefix}see_access`] as CategoryRef['seeAccess'],
    startAccess: columns[`${prefix}start_access`] as CategoryRef['startAccess'],
    replyAccess: columns[`${prefix}reply_access`] as CategoryRef['replyAccess'],
    topicsVisibleTo: columns[`${prefix}topics_visible_to`] as CategoryRef['topicsVisibleTo'],
  };
}

/** Categories: all SQL on `categories` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class CategoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<Category | null> {
    return this.db(manager).findOneBy(Category, { id });
  }

  /** The categories inside `visible` (a scope over the alias `category`), in their order. */
  async listVisible(visible: SqlScope): Promise<Category[]> {
    return this.db()
      .createQueryBuilder(Category, 'category')
      .where(visible.where, visible.params)
      .orderBy('category.position', 'ASC')
      .addOrderBy('category.name', 'ASC')
      .getMany();
  }

  /**
   * How many shown (not held) topics of each of these categories the caller sees, `visible` being a scope over
   * `t` and `c`: the topic count of a support desk, where each member sees only their own.
   */
  async visibleTopicCounts(ids: string[], visible: SqlScope): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db()
      .createQueryBuilder()
      .select('t.category_id', 'id')
      .addSelect('count(*)::int', 'n')
      .from('topics', 't')
      .innerJoin('categories', 'c', 'c.id = t.category_id')
      .where('t.category_id IN (:...countedIds) AND NOT t.pending_review', { countedIds: ids })
      .andWhere(visible.where, visible.params)
      .groupBy('t.category_id')
      .getRawMany<{ id: string; n: number }>();
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  /**
   * A free slug from `base` (`base`, `base-2`, …). Two categories of one name made at once would pick the
   * same one: they take turns on it, so call this inside the transaction that inserts the category.
   */
  async freeSlug(manager: EntityManager, base: string): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('category-slug:' || $1))`, [base]);
    const rows = await manager.query<{ slug: string }[]>('SELECT slug FROM categories WHERE slug = $1 OR slug LIKE $2', [
      base,
      `${base}-%`,
    ]);
    const taken = new Set(rows.map((row) => row.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  async insert(manager: EntityManager, fields: Partial<Category>): Promise<Category> {
    return manager.save(manager.create(Category, fields));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Category>): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.update(Category, { id }, changes);
  }

  /**
   * The ids of the categories beside one (same group, same parent), in their order, `except` left out. Call it
   * under `lockOrder` in the transaction that then renumbers them.
   */
  async siblings(manager: EntityManager, place: { groupId: string | null; parentId: string | null }, except: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM categories
        WHERE group_id IS NOT DISTINCT FROM $1 AND parent_id IS NOT DISTINCT FROM $2 AND id <> $3
        ORDER BY position, name, id`,
      [place.groupId, place.parentId, except],
    );
    return rows.map((row) => row.id);
  }

  /** One reordering of a group's categories (or the site's) at a time: each renumbers from what the last left. */
  async lockOrder(manager: EntityManager, groupId: string | null): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('category-order:' || $1))`, [groupId ?? 'site']);
  }

  /** Positions 0, 1, 2… in the order of `ids`, in one statement. */
  async setPositions(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE categories SET position = o.n - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE categories.id = o.id`,
      [ids],
    );
  }

  /** After the last of its siblings: where a new category goes. */
  async nextPosition(manager: EntityManager, place: { groupId: string | null; parentId: string | null }): Promise<number> {
    const [row] = await manager.query<{ next: number }[]>(
      `SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM categories
        WHERE group_id IS NOT DISTINCT FROM $1 AND parent_id IS NOT DISTINCT FROM $2`,
      [place.groupId, place.parentId],
    );
    return row?.next ?? 0;
  }

  async hasChildren(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM categories WHERE parent_id = $1 LIMIT 1', [id]);
    return rows.length > 0;
  }

  /**
   * Locks a category about to go and answers how many topics it holds (held ones too), or null when it is
   * already gone. Topics written into it meanwhile wait for the lock (their counter update touches the row).
   */
  async lockForRemoval(manager: EntityManager, id: string): Promise<{ topics: number } | null> {
    const locked = await manager.query<unknown[]>('SELECT 1 FROM categories WHERE id = $1 FOR UPDATE', [id]);
    if (locked.length === 0) return null;
    const [row] = await manager.query<{ topics: number }[]>('SELECT count(*)::int AS topics FROM topics WHERE category_id = $1', [id]);
    return { topics: row?.topics ?? 0 };
  }

  /**
   * Every topic of `from` into `to`, with the shown-topic counter (held topics count nowhere until approved),
   * in the caller's transaction. Answers how many topics moved.
   */
  async moveAllTopics(manager: EntityManager, from: string, to: string): Promise<number> {
    const [, moved] = await manager.query<[unknown[], number]>('UPDATE topics SET category_id = $2 WHERE category_id = $1', [from, to]);
    await manager.query(
      'UPDATE categories SET topic_count = topic_count + (SELECT topic_count FROM categories WHERE id = $1) WHERE id = $2',
      [from, to],
    );
    return moved;
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Category, { id });
  }

  /**
   * The category topic counter, kept here only: a topic shown (created unheld, approved) counts +1 in its
   * category, a topic moved counts −1 in one and +1 in the other; always in the writing transaction.
   */
  async countTopics(manager: EntityManager, categoryId: string, delta: number): Promise<void> {
    await manager.query('UPDATE categories SET topic_count = topic_count + $2 WHERE id = $1', [categoryId, delta]);
  }

  /**
   * A group closed to outsiders: its categories opened to everyone go back to its members (starting and
   * replying too), in the caller's transaction. Answers the ids of the categories it closed.
   */
  async closeGroupSpaces(manager: EntityManager, groupId: string): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE categories SET see_access = 'members',
              start_access = CASE WHEN start_access = 'everyone' THEN 'members' ELSE start_access END,
              reply_access = CASE WHEN reply_access = 'everyone' THEN 'members' ELSE reply_access END
        WHERE group_id = $1 AND (see_access = 'everyone' OR start_access = 'everyone' OR reply_access = 'everyone')
        RETURNING id`,
      [groupId],
    );
    return rows.map((row) => row.id);
  }
}
