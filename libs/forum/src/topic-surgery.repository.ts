import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TopicNoticeKind } from '@harbour/contracts';

/** A post named in a split, as it is under the topic's lock. */
export interface SplitPostRow {
  id: string;
  number: number | null;
}

/** The first post of what a split moves: the new topic's author, date and language come from it. */
export interface SplitHead {
  authorId: string;
  /** The head post is anonymous: the new topic's author is shown as its label too. */
  anonymousNumber: number | null;
  createdAt: Date;
  language: string;
  pendingReview: boolean;
  lastPostAt: Date | null;
  numbered: number;
}

export interface NoticeRow {
  id: string;
  kind: TopicNoticeKind;
  created_at: Date;
  post_count: number | null;
  other_topic_id: string | null;
  other_title: string | null;
  other_category_id: string | null;
}

/**
 * The SQL of topic surgery (split, merge) on forum's own tables: posts change topic and are renumbered,
 * read positions and notification levels follow them, notices and redirects are written. Every method runs
 * in the caller's transaction, under the topics' row locks it took first.
 */
@Injectable()
export class TopicSurgeryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks these topics in one order (two surgeries on the same pair never deadlock); answers those that exist. */
  async lockTopics(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { categoryId: string; pendingReview: boolean; postCount: number }>> {
    const rows = await manager.query<{ id: string; category_id: string; pending_review: boolean; post_count: number }[]>(
      'SELECT id, category_id, pending_review, post_count FROM topics WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    return new Map(
      rows.map((row) => [row.id, { categoryId: row.category_id, pendingReview: row.pending_review, postCount: row.post_count }]),
    );
  }

  /** Which of these posts are in the topic, with their numbers (their rows locked: an edit or reply waits). */
  async postsOf(manager: EntityManager, topicId: string, postIds: string[]): Promise<SplitPostRow[]> {
    return manager.query<SplitPostRow[]>('SELECT id, number FROM posts WHERE topic_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE', [
      topicId,
      postIds,
    ]);
  }

  /** The named posts and every reply below them, in the topic (a reply moves with what it answers). */
  async withReplies(manager: EntityManager, topicId: string, postIds: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH RECURSIVE moving AS (
         SELECT id FROM posts WHERE topic_id = $1 AND id = ANY($2::uuid[])
         UNION
         SELECT p.id FROM posts p JOIN moving m ON p.parent_id = m.id WHERE p.topic_id = $1
       ) SELECT id FROM moving`,
      [topicId, postIds],
    );
    return rows.map((row) => row.id);
  }

  /** The earliest of the moving posts (by reading order; a held one has no number and comes by date). */
  async splitHead(manager: EntityManager, postIds: string[]): Promise<SplitHead> {
    const [row] = await manager.query<
      {
        author_id: string;
        anonymous_number: number | null;
        created_at: Date;
        language: string;
        pending_review: boolean;
        last_post_at: Date | null;
        numbered: number;
      }[]
    >(
      `SELECT p.author_id, p.anonymous_number, p.created_at, p.language, p.pending_review,
              (SELECT max(created_at) FROM posts WHERE id = ANY($1::uuid[]) AND number IS NOT NULL) AS last_post_at,
              (SELECT count(*)::int FROM posts WHERE id = ANY($1::uuid[]) AND number IS NOT NULL) AS numbered
         FROM posts p WHERE p.id = ANY($1::uuid[]) ORDER BY p.number NULLS LAST, p.created_at, p.id LIMIT 1`,
      [postIds],
    );
    if (!row) throw new Error('A split moved no posts');
    return {
      authorId: row.author_id,
      anonymousNumber: row.anonymous_number,
      createdAt: row.created_at,
      language: row.language,
      pendingReview: row.pending_review,
      lastPostAt: row.last_post_at,
      numbered: row.numbered,
    };
  }

  /**
   * Moves posts out of `fromId` into the (new, empty) topic `toId`, numbered 1, 2, … in their reading order.
   * Read positions come first, while the old numbers still say what each member read: in each topic a
   * member's position becomes how many of its posts they had read (those form the start of each topic).
   */
  async movePostsToNewTopic(manager: EntityManager, fromId: string, toId: string, postIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO topic_reads (user_id, topic_id, last_read_number)
       SELECT r.user_id, $2, count(*) FROM topic_reads r
         JOIN posts p ON p.id = ANY($3::uuid[]) AND p.number IS NOT NULL AND p.number <= r.last_read_number
        WHERE r.topic_id = $1 GROUP BY r.user_id`,
      [fromId, toId, postIds],
    );
    await manager.query(
      `UPDATE topic_reads r SET last_read_number = (
         SELECT count(*) FROM posts p WHERE p.topic_id = $1 AND p.number IS NOT NULL AND p.number <= r.last_read_number
            AND NOT (p.id = ANY($2::uuid[])))
        WHERE r.topic_id = $1`,
      [fromId, postIds],
    );
    // Followers of the old topic follow the new one the same way (a muted thread stays muted).
    await manager.query(
      `INSERT INTO topic_notification_levels (user_id, topic_id, level)
       SELECT user_id, $2, level FROM topic_notification_levels WHERE topic_id = $1`,
      [fromId, toId],
    );
    await manager.query(
      `UPDATE posts p SET topic_id = $2, number = n.number FROM (
         SELECT id, CASE WHEN number IS NULL THEN NULL ELSE row_number() OVER (ORDER BY number NULLS LAST) END AS number
           FROM posts WHERE id = ANY($3::uuid[])
       ) n WHERE p.id = n.id AND p.topic_id = $1`,
      [fromId, toId, postIds],
    );
    // A moved post answering one that stayed now answers the new topic itself.
    await manager.query(
      `UPDATE posts SET parent_id = NULL WHERE topic_id = $1 AND parent_id IS NOT NULL
          AND parent_id NOT IN (SELECT id FROM posts WHERE topic_id = $1)`,
      [toId],
    );
    await this.renumber(manager, fromId);
  }

  /**
   * Posts of both topics end in `intoId`, renumbered in the order they were written (its first post staying
   * first). A member's read position
   * becomes the length of the run of posts from the start that they had read in either topic.
   */
  async mergePosts(manager: EntityManager, fromId: string, intoId: string): Promise<void> {
    // The receiving topic's first post stays first (its title and author are the topic's); the rest by date.
    const merged = `SELECT id, topic_id, number AS old,
                           row_number() OVER (ORDER BY (topic_id = $2 AND number = 1) DESC, created_at, id) AS new
                      FROM posts WHERE topic_id IN ($1, $2) AND number IS NOT NULL`;
    await manager.query(
      `WITH m AS (${merged}),
            readers AS (
              SELECT user_id, max(last_read_number) FILTER (WHERE topic_id = $1) AS from_read,
                     max(last_read_number) FILTER (WHERE topic_id = $2) AS into_read
                FROM topic_reads WHERE topic_id IN ($1, $2) GROUP BY user_id)
       INSERT INTO topic_reads (user_id, topic_id, last_read_number)
       SELECT r.user_id, $2, COALESCE(
                (SELECT min(m.new) - 1 FROM m WHERE NOT (
                   (m.topic_id = $1 AND m.old <= COALESCE(r.from_read, 0)) OR (m.topic_id = $2 AND m.old <= COALESCE(r.into_read, 0)))),
                (SELECT count(*) FROM m))
         FROM readers r
       ON CONFLICT (user_id, topic_id) DO UPDATE SET last_read_number = EXCLUDED.last_read_number`,
      [fromId, intoId],
    );
    await manager.query(
      `INSERT INTO topic_notification_levels (user_id, topic_id, level)
       SELECT user_id, $2, level FROM topic_notification_levels WHERE topic_id = $1
       ON CONFLICT (user_id, topic_id) DO NOTHING`,
      [fromId, intoId],
    );
    // Anonymous labels stay one per poster in the merged thread: a poster who has one there keeps it, the
    // others take the next numbers, so two people never share "Anonymous 1" (api.md 1.1).
    await manager.query(
      `WITH kept AS (SELECT DISTINCT ON (author_id) author_id, anonymous_number FROM posts
                      WHERE topic_id = $2 AND anonymous_number IS NOT NULL ORDER BY author_id, created_at),
            newcomers AS (SELECT author_id,
                                 (SELECT coalesce(max(anonymous_number), 0) FROM posts WHERE topic_id = $2)
                                   + row_number() OVER (ORDER BY min(created_at), author_id) AS number
                            FROM posts WHERE topic_id = $1 AND anonymous_number IS NOT NULL
                             AND author_id NOT IN (SELECT author_id FROM kept) GROUP BY author_id)
       UPDATE posts p SET anonymous_number = coalesce(
                (SELECT k.anonymous_number FROM kept k WHERE k.author_id = p.author_id),
                (SELECT n.number FROM newcomers n WHERE n.author_id = p.author_id))
        WHERE p.topic_id = $1 AND p.anonymous_number IS NOT NULL`,
      [fromId, intoId],
    );
    // Negative numbers first: no two rows ever hold the same (topic, number) on the way.
    await manager.query(`UPDATE posts p SET topic_id = $2, number = -m.new FROM (${merged}) m WHERE p.id = m.id`, [fromId, intoId]);
    await manager.query('UPDATE posts SET topic_id = $2 WHERE topic_id = $1', [fromId, intoId]);
    await manager.query('UPDATE posts SET number = -number WHERE topic_id = $1 AND number < 0', [intoId]);
    await manager.query(
      `UPDATE topics t SET post_count = (SELECT count(*) FROM posts WHERE topic_id = $2 AND number IS NOT NULL),
              last_post_at = GREATEST(t.last_post_at, (SELECT last_post_at FROM topics WHERE id = $1))
        WHERE t.id = $2`,
      [fromId, intoId],
    );
  }

  /** The topic's numbered posts become 1, 2, … in their order; its count and last activity follow. */
  private async renumber(manager: EntityManager, topicId: string): Promise<void> {
    await manager.query(
      `UPDATE posts p SET number = -n.new FROM (
         SELECT id, row_number() OVER (ORDER BY number) AS new FROM posts WHERE topic_id = $1 AND number IS NOT NULL
       ) n WHERE p.id = n.id`,
      [topicId],
    );
    await manager.query('UPDATE posts SET number = -number WHERE topic_id = $1 AND number < 0', [topicId]);
    await manager.query(
      `UPDATE topics SET post_count = (SELECT count(*) FROM posts WHERE topic_id = $1 AND number IS NOT NULL),
              last_post_at = COALESCE((SELECT max(created_at) FROM posts WHERE topic_id = $1 AND number IS NOT NULL), last_post_at)
        WHERE id = $1`,
      [topicId],
    );
  }

  /** The merged-away topic: its notices go to its heir, and everything that redirected to it now redirects there. */
  async retire(manager: EntityManager, fromId: string, intoId: string): Promise<void> {
    await manager.query('UPDATE topic_notices SET topic_id = $2 WHERE topic_id = $1', [fromId, intoId]);
    await manager.query('UPDATE topic_notices SET other_topic_id = $2 WHERE other_topic_id = $1', [fromId, intoId]);
    await manager.query('UPDATE topic_redirects SET new_topic_id = $2 WHERE new_topic_id = $1', [fromId, intoId]);
    await manager.query('INSERT INTO topic_redirects (old_topic_id, new_topic_id) VALUES ($1, $2)', [fromId, intoId]);
    await manager.query('DELETE FROM topics WHERE id = $1', [fromId]);
  }

  async addNotice(
    manager: EntityManager,
    notice: {
      topicId: string;
      kind: TopicNoticeKind;
      postCount?: number;
      otherTopicId?: string;
      otherTitle?: string;
      otherCategoryId?: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO topic_notices (topic_id, kind, post_count, other_topic_id, other_title, other_category_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        notice.topicId,
        notice.kind,
        notice.postCount ?? null,
        notice.otherTopicId ?? null,
        notice.otherTitle ?? null,
        notice.otherCategoryId ?? null,
      ],
    );
  }

  /** A topic's notices, oldest first (a thread has a handful). */
  async notices(topicId: string): Promise<NoticeRow[]> {
    return this.dataSource.query<NoticeRow[]>(
      `SELECT id, kind, created_at, post_count, other_topic_id, other_title, other_category_id
         FROM topic_notices WHERE topic_id = $1 ORDER BY created_at, id LIMIT 200`,
      [topicId],
    );
  }

  /** Where a merged-away topic went, or null. */
  async redirect(oldTopicId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ new_topic_id: string }[]>(
      'SELECT new_topic_id FROM topic_redirects WHERE old_topic_id = $1',
      [oldTopicId],
    );
    return row?.new_topic_id ?? null;
  }
}
