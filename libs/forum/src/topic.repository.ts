import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { joinUser, userColumns, userFromRow } from '@harbour/accounts';
import type { CategoryRef } from '@harbour/access';
import { Category } from './category.entity';
import { categoryAccessColumns, categoryRefFrom } from './category.repository';
import { Topic } from './topic.entity';

/** A topic's columns (t_…) and its category's (c_…), from aliases `t` and `c`. */
export const TOPIC_COLUMNS = `t.id AS t_id, t.category_id AS t_category_id, t.author_id AS t_author_id, t.title AS t_title,
       t.slug AS t_slug, t.created_at AS t_created_at, t.last_post_at AS t_last_post_at, t.post_count AS t_post_count,
       t.pinned AS t_pinned, t.locked AS t_locked, t.pending_review AS t_pending_review,
       t.slow_mode_seconds AS t_slow_mode_seconds, t.anonymous_number AS t_anonymous_number,
       c.name AS c_name, c.slug AS c_slug, c.description AS c_description, c.parent_id AS c_parent_id,
       ${categoryAccessColumns('c', 'c_')}, c.position AS c_position, c.topic_count AS c_topic_count, c.created_at AS c_created_at`;

/**
 * A topic with its category and its author as flat columns (t_…, c_…, u_…). Plain SQL: TypeORM's query
 * builder spends more CPU building SQL and hydrating entities than PostgreSQL spends answering, and every
 * topic page reads this.
 */
export const TOPIC_SELECT = `SELECT ${TOPIC_COLUMNS}, ${userColumns('u', 'u_')}
  FROM topics t JOIN categories c ON c.id = t.category_id ${joinUser('u', 't.author_id')}`;

/** A row of TOPIC_COLUMNS (timestamps as Dates, or as strings when it comes through row_to_json). */
export interface TopicRow {
  t_id: string;
  t_category_id: string;
  t_author_id: string;
  t_title: string;
  t_slug: string;
  t_created_at: Date | string;
  t_last_post_at: Date | string;
  t_post_count: number;
  t_pinned: boolean;
  t_locked: boolean;
  t_pending_review: boolean;
  t_slow_mode_seconds: number;
  t_anonymous_number: number | null;
  c_name: string;
  c_slug: string;
  c_description: string;
  c_parent_id: string | null;
  c_position: number;
  c_topic_count: number;
  c_created_at: Date | string;
}

/** The topic of a TOPIC_COLUMNS row, with its category, and its author when the row has `u_` columns. */
export function topicFrom(row: TopicRow): Topic {
  const category = Object.assign(new Category(), {
    id: row.t_category_id,
    name: row.c_name,
    slug: row.c_slug,
    description: row.c_description,
    parentId: row.c_parent_id,
    ...categoryRefFrom(row, 'c_'),
    position: row.c_position,
    topicCount: row.c_topic_count,
    createdAt: new Date(row.c_created_at),
  });
  return Object.assign(new Topic(), {
    id: row.t_id,
    categoryId: row.t_category_id,
    authorId: row.t_author_id,
    title: row.t_title,
    slug: row.t_slug,
    createdAt: new Date(row.t_created_at),
    lastPostAt: new Date(row.t_last_post_at),
    postCount: row.t_post_count,
    pinned: row.t_pinned,
    locked: row.t_locked,
    pendingReview: row.t_pending_review,
    slowModeSeconds: row.t_slow_mode_seconds,
    anonymousNumber: row.t_anonymous_number,
    category,
    ...('u_id' in row ? { author: userFromRow(row, 'u_') } : {}),
  });
}

/** What access needs about one topic to decide who may see it. */
export interface TopicAccessFacts {
  category: CategoryRef;
  authorId: string;
  held: boolean;
}

/** Topics: all SQL on `topics` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class TopicRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A topic with its category and author, or null: one query. */
  async findWithCategory(id: string): Promise<Topic | null> {
    const [row] = await this.db().query<TopicRow[]>(`${TOPIC_SELECT} WHERE t.id = $1`, [id]);
    return row ? topicFrom(row) : null;
  }

  async insert(manager: EntityManager, fields: Partial<Topic>): Promise<Topic> {
    return manager.save(manager.create(Topic, fields));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Topic>): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.update(Topic, { id }, changes);
  }

  /** Where a topic really is now, under its row lock (a move must count it out of that category). */
  async lockPlacement(manager: EntityManager, id: string): Promise<{ categoryId: string; pendingReview: boolean } | null> {
    const [row] = await manager.query<{ category_id: string; pending_review: boolean }[]>(
      'SELECT category_id, pending_review FROM topics WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ? { categoryId: row.category_id, pendingReview: row.pending_review } : null;
  }

  /**
   * Counts a post in its topic under the topic row's lock and answers its number: concurrent replies get
   * consecutive numbers and the count stays exact.
   */
  async countPost(manager: EntityManager, topicId: string): Promise<number> {
    const [rows] = await manager.query<[{ post_count: number }[], number]>(
      'UPDATE topics SET post_count = post_count + 1, last_post_at = now() WHERE id = $1 RETURNING post_count',
      [topicId],
    );
    const number = rows[0]?.post_count;
    if (number === undefined) throw new Error(`Topic ${topicId} vanished while posting`);
    return number;
  }

  /** Its first post is held: the whole topic is, until approved. */
  async markHeld(manager: EntityManager, topicId: string): Promise<void> {
    await manager.query('UPDATE topics SET pending_review = true WHERE id = $1', [topicId]);
  }

  /** A held topic approved: shown, and new in "latest". Answers its category (to count it there). */
  async show(manager: EntityManager, topicId: string): Promise<string | null> {
    const [rows] = await manager.query<[{ category_id: string }[], number]>(
      'UPDATE topics SET pending_review = false, last_post_at = now() WHERE id = $1 RETURNING category_id',
      [topicId],
    );
    return rows[0]?.category_id ?? null;
  }

  /**
   * What access needs about several topics (socket rooms re-checked), in one query: each one's category, its
   * author (a support desk's topic and a held one are theirs and the space's moderators') and whether it is held.
   */
  async accessFacts(topicIds: string[]): Promise<Map<string, TopicAccessFacts>> {
    if (topicIds.length === 0) return new Map();
    const rows = await this.db().query<{ topic_id: string; author_id: string; pending_review: boolean }[]>(
      `SELECT t.id AS topic_id, t.author_id, t.pending_review, ${categoryAccessColumns('c')}
         FROM topics t JOIN categories c ON c.id = t.category_id WHERE t.id = ANY($1::uuid[])`,
      [topicIds],
    );
    return new Map(
      rows.map((row) => [row.topic_id, { category: categoryRefFrom(row), authorId: row.author_id, held: row.pending_review }]),
    );
  }
}
