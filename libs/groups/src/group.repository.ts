import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Group } from './group.entity';

/** Groups: all SQL on `groups` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class GroupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Group | null> {
    return this.db(manager).findOneBy(Group, { id });
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<Group | null> {
    return this.db(manager).findOneBy(Group, { slug: slug.toLowerCase() });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Group[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db(manager).findBy(Group, { id: In([...new Set(ids)]) });
  }

  /** Which of these ids name a group. */
  async existingIds(ids: string[], manager?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const groups = await this.db(manager).find(Group, { select: { id: true }, where: { id: In([...new Set(ids)]) } });
    return groups.map((group) => group.id);
  }

  /** The names of the groups with these ids (nulls and unknown ids are skipped). */
  async namesByIds(ids: (string | null)[], manager?: EntityManager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const groups = await this.db(manager).find(Group, { select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(groups.map((group) => [group.id, group.name]));
  }

  /** Groups matching an access condition on alias `g` (AccessService.visibleGroups), by name. */
  listWhere(where: string, params: Record<string, unknown>, limit: number): Promise<Group[]> {
    return this.dataSource
      .getRepository(Group)
      .createQueryBuilder('g')
      .where(where, params)
      .orderBy('g.name', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A new group with its first member counted; null when the slug is taken (the only thing a conflict reveals). */
  async insert(fields: Pick<Group, 'name' | 'slug' | 'description' | 'visibility'>, manager: EntityManager): Promise<string | null> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO groups (name, slug, description, visibility, member_count) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [fields.name, fields.slug, fields.description, fields.visibility],
    );
    return inserted[0]?.id ?? null;
  }

  async update(id: string, changes: Partial<Pick<Group, 'name' | 'description' | 'visibility'>>, manager?: EntityManager): Promise<void> {
    // An empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
    if (Object.keys(changes).length > 0) await this.db(manager).update(Group, { id }, changes);
  }

  /** Every membership change of one group runs under this lock, one at a time. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Kept in the transaction that adds or removes a member. */
  async addToMemberCount(id: string, by: number, manager: EntityManager): Promise<void> {
    await manager.increment(Group, { id }, 'memberCount', by);
  }
}
