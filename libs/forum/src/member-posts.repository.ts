import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import type { CursorPosition } from '@harbour/common';
import type { Post } from './post.entity';
import { POST_AUTHOR, POST_COLUMNS, postFrom } from './post.repository';
import { TOPIC_COLUMNS, topicFrom, type TopicRow } from './topic.repository';

/**
 * A member's posts as a profile shows them (api.md precisions: hidden, deleted and held posts left out, and
 * held topics), over aliases `p`, `t` and `c`. The same condition serves the count and the list, so the
 * count never tells of a post the list would not show. An anonymous post is nobody's (api.md 1.1), not even on
 * its author's own profile: a profile is public.
 */
const SHOWN_ON_PROFILE = `p.author_id = :authorId AND p.anonymous_number IS NULL AND p.deleted_at IS NULL AND NOT p.hidden
  AND NOT p.pending_review AND NOT t.pending_review`;

/** Keyset cursors carry milliseconds; posts.created_at has microseconds, so both sides are cut to the millisecond. */
const POST_INSTANT = `date_trunc('milliseconds', p.created_at)`;

/** A profile's side of `posts`: the count and pages of one member's posts inside the caller's visible categories. */
@Injectable()
export class MemberPostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(authorId: string, visible: SqlScope): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM posts p JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
        WHERE ${SHOWN_ON_PROFILE} AND ${visible.where}`,
      { ...visible.params, authorId },
    );
    return row?.n ?? 0;
  }

  /**
   * Newest first, after a keyset position; each post with its author, topic and category, and the instant
   * its cursor names (cut to the millisecond by PostgreSQL, not rounded by a Date): one query.
   */
  async page(authorId: string, visible: SqlScope, after: CursorPosition | null, limit: number): Promise<{ post: Post; at: string }[]> {
    const rows = await this.query<TopicRow & { cursor_ms: string }>(
      `SELECT ${POST_COLUMNS}, ${TOPIC_COLUMNS}, floor(extract(epoch FROM p.created_at) * 1000)::bigint AS cursor_ms FROM posts p ${POST_AUTHOR}
         JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
        WHERE ${SHOWN_ON_PROFILE} AND ${visible.where}
          ${after ? `AND (${POST_INSTANT}, p.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))` : ''}
        ORDER BY ${POST_INSTANT} DESC, p.id DESC LIMIT :limit`,
      { ...visible.params, authorId, limit, ...(after ? { at: after.at, id: after.id } : {}) },
    );
    return rows.map((row) => ({
      post: Object.assign(postFrom(row), { topic: topicFrom(row) }),
      at: new Date(Number(row.cursor_ms)).toISOString(),
    }));
  }

  private async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query<T[]>(text, values);
  }
}

/**
 * True (over `userIdSql`) for a member who has a post others may see in the topic `:topicParam`: @-completion
 * offers those taking part first. Hidden, held, deleted and anonymous posts do not count, so nobody learns of them.
 */
export function takesPartInTopic(userIdSql: string, topicParam: string): string {
  return `EXISTS (SELECT 1 FROM posts tp WHERE tp.topic_id = CAST(:${topicParam} AS uuid) AND tp.author_id = ${userIdSql}
    AND tp.deleted_at IS NULL AND NOT tp.hidden AND tp.anonymous_number IS NULL)`;
}
