import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { blockedBy } from '@harbour/accounts';
import type { NotificationLevel } from '@harbour/contracts';
import type { PostExtras, TopicMemberState } from './forum.mappers';

/** A member's level on a topic or on a category, as the notification fan-out reads them. */
export interface NotificationLevelRow {
  userId: string;
  level: NotificationLevel;
  topicId: string | null;
  categoryId: string | null;
}

/**
 * Members' own state on posts, topics and categories: reactions, bookmarks, read positions and notification
 * levels. All SQL on `reactions`, `bookmarks`, `topic_reads` and the two `*_notification_levels` tables.
 */
@Injectable()
export class MemberStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent either way: reacting twice is one reaction, removing a missing one is nothing. */
  async setReaction(postId: string, userId: string, emoji: string, on: boolean, manager?: EntityManager): Promise<void> {
    const db = manager ?? this.dataSource.manager;
    if (on) {
      await db.query('INSERT INTO reactions (post_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [postId, userId, emoji]);
    } else {
      await db.query('DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND emoji = $3', [postId, userId, emoji]);
    }
  }

  async setBookmark(postId: string, userId: string, on: boolean, manager?: EntityManager): Promise<void> {
    const db = manager ?? this.dataSource.manager;
    if (on) {
      await db.query('INSERT INTO bookmarks (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, postId]);
    } else {
      await db.query('DELETE FROM bookmarks WHERE user_id = $1 AND post_id = $2', [userId, postId]);
    }
  }

  /** Reaction counts, and the viewer's own reactions, bookmarks and blocked authors, for a page of posts: four queries at most. */
  async extras(viewerId: string | null, postIds: string[]): Promise<PostExtras> {
    const extras: PostExtras = { reactions: new Map(), mine: new Map(), bookmarked: new Set(), blockedAuthors: new Set() };
    if (postIds.length === 0) return extras;
    const counts = await this.dataSource.query<{ post_id: string; emoji: string; count: number }[]>(
      'SELECT post_id, emoji, count(*)::int AS count FROM reactions WHERE post_id = ANY($1) GROUP BY post_id, emoji',
      [postIds],
    );
    for (const row of counts) extras.reactions.set(row.post_id, { ...extras.reactions.get(row.post_id), [row.emoji]: row.count });
    if (viewerId === null) return extras;
    const [mine, bookmarks, blocked] = await Promise.all([
      this.dataSource.query<{ post_id: string; emoji: string }[]>(
        'SELECT post_id, emoji FROM reactions WHERE post_id = ANY($1) AND user_id = $2',
        [postIds, viewerId],
      ),
      this.dataSource.query<{ post_id: string }[]>('SELECT post_id FROM bookmarks WHERE post_id = ANY($1) AND user_id = $2', [
        postIds,
        viewerId,
      ]),
      this.dataSource.query<{ author_id: string }[]>(
        `SELECT DISTINCT p.author_id FROM posts p WHERE p.id = ANY($1) AND ${blockedBy('$2', 'p.author_id')}`,
        [postIds, viewerId],
      ),
    ]);
    for (const row of blocked) extras.blockedAuthors.add(row.author_id);
    for (const row of mine) extras.mine.set(row.post_id, [...(extras.mine.get(row.post_id) ?? []), row.emoji]);
    for (const row of bookmarks) extras.bookmarked.add(row.post_id);
    return extras;
  }

  /** Records reading up to a post number; reading never goes backwards. */
  async markRead(userId: string, topicId: string, number: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO topic_reads (user_id, topic_id, last_read_number) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, topic_id) DO UPDATE SET last_read_number = GREATEST(topic_reads.last_read_number, EXCLUDED.last_read_number)`,
      [userId, topicId, number],
    );
  }

  async setLevel(userId: string, on: { topicId: string } | { categoryId: string }, level: NotificationLevel): Promise<void> {
    const [table, column, id] =
      'topicId' in on
        ? ['topic_notification_levels', 'topic_id', on.topicId]
        : ['category_notification_levels', 'category_id', on.categoryId];
    await this.dataSource.query(
      `INSERT INTO ${table} (user_id, ${column}, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, ${column}) DO UPDATE SET level = EXCLUDED.level`,
      [userId, id, level],
    );
  }

  /** A member's level on one category ("normal" until they choose one). */
  async categoryLevel(userId: string, categoryId: string): Promise<NotificationLevel> {
    const [row] = await this.dataSource.query<{ level: NotificationLevel }[]>(
      'SELECT level FROM category_notification_levels WHERE user_id = $1 AND category_id = $2',
      [userId, categoryId],
    );
    return row?.level ?? 'normal';
  }

  /** Read positions and notification levels of one member for a page of topics, in one query. */
  async topicStates(userId: string, topicIds: string[]): Promise<Map<string, TopicMemberState>> {
    const states = new Map<string, TopicMemberState>();
    if (topicIds.length === 0) return states;
    const rows = await this.dataSource.query<{ id: string; last_read_number: number | null; level: NotificationLevel | null }[]>(
      `SELECT t.id, r.last_read_number, l.level FROM unnest($1::uuid[]) AS t(id)
       LEFT JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = $2
       LEFT JOIN topic_notification_levels l ON l.topic_id = t.id AND l.user_id = $2`,
      [topicIds, userId],
    );
    for (const row of rows) states.set(row.id, { lastReadNumber: row.last_read_number, level: row.level ?? 'normal' });
    return states;
  }
}

/**
 * Every member's level on these topics and on these categories (the notification fan-out, which runs in
 * the worker too, without ForumModule: hence a function over the caller's `db`): one query.
 */
export async function notificationLevels(db: EntityManager, topicIds: string[], categoryIds: string[]): Promise<NotificationLevelRow[]> {
  const rows = await db.query<{ user_id: string; level: NotificationLevel; topic_id: string | null; category_id: string | null }[]>(
    `SELECT user_id, level, topic_id, NULL AS category_id FROM topic_notification_levels WHERE topic_id = ANY($1::uuid[])
     UNION ALL
     SELECT user_id, level, NULL, category_id FROM category_notification_levels WHERE category_id = ANY($2::uuid[])`,
    [[...new Set(topicIds)], [...new Set(categoryIds)]],
  );
  return rows.map((row) => ({ userId: row.user_id, level: row.level, topicId: row.topic_id, categoryId: row.category_id }));
}
