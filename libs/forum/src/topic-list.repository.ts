import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { joinUser, userColumns } from '@harbour/accounts';
import type { SqlScope } from '@harbour/access';
import type { TopicFilter } from '@harbour/contracts';
import type { TopicListPosition } from './topic-list-cursor';
import { TOPIC_COLUMNS, topicFrom, type TopicRow } from './topic.repository';
import type { Topic } from './topic.entity';

export interface TopicListQuery {
  filter: TopicFilter;
  /** What the caller may see, over the aliases `t` and `c` (libs/access SQL scopes). */
  scopes: SqlScope[];
  categoryId?: string;
  /** A category's latest list keeps its pinned topics on top. */
  pinnedFirst: boolean;
  /** The member whose reading decides unread and new (required for those two). */
  memberId: string | null;
  /** Top: posts and reactions since then count. */
  since?: string;
  after: TopicListPosition | null;
  limit: number;
}

/** A listed topic, with its score when the list is `top` (the position of the next page needs it). */
export interface ListedTopic {
  topic: Topic;
  score: number;
}

/**
 * The topic lists (api.md 1.1, Precisions): one query a page, keyset-paged on an index: latest and unread
 * walk topics by last activity (topics_last_post_idx, or the category's (category_id, pinned, last_post_at)),
 * new by creation (topics_created_idx / topics_category_created_idx); unread and new look up the member's
 * read position by its primary key. Top counts the period's posts (posts' created_at index) and reactions
 * (reactions_created_idx) per topic, then ranks them, busiest first.
 */
@Injectable()
export class TopicListRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: TopicListQuery): Promise<ListedTopic[]> {
    const { after } = query;
    const conditions = query.scopes.map((scope) => scope.where);
    const params: Record<string, unknown> = { limit: query.limit, memberId: query.memberId, categoryId: query.categoryId };
    for (const scope of query.scopes) Object.assign(params, scope.params);
    if (query.categoryId) conditions.push('t.category_id = :categoryId');
    let from = 'topics t';
    let order: string;
    let score = '0';
    switch (query.filter) {
      case 'latest':
      case 'unread':
        if (query.filter === 'unread') {
          // Opened before (a read position) and numbered posts after it, whatever the notification level.
          from = 'topics t JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = CAST(:memberId AS uuid)';
          conditions.push('r.last_read_number < t.post_count');
        }
        if (after?.order === 'activity' && query.pinnedFirst)
          conditions.push('(t.pinned::int, t.last_post_at, t.id) < (:pinned, CAST(:at AS timestamptz), CAST(:id AS uuid))');
        else if (after?.order === 'activity') conditions.push('(t.last_post_at, t.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))');
        if (after?.order === 'activity') Object.assign(params, { pinned: after.pinned ? 1 : 0, at: after.at, id: after.id });
        order = `${query.pinnedFirst ? 't.pinned DESC, ' : ''}t.last_post_at DESC, t.id DESC`;
        break;
      case 'new':
        // Never opened: no read position at all (writing a post records one for its author).
        conditions.push('NOT EXISTS (SELECT 1 FROM topic_reads r WHERE r.user_id = CAST(:memberId AS uuid) AND r.topic_id = t.id)');
        if (after?.order === 'created') {
          conditions.push('(t.created_at, t.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))');
          Object.assign(params, { at: after.at, id: after.id });
        }
        order = 't.created_at DESC, t.id DESC';
        break;
      case 'top':
        // Visible, counted posts only: a deleted, hidden or held post is no activity anyone may see.
        from = `(SELECT topic_id, sum(n)::int AS score FROM (
                   SELECT p.topic_id, count(*) AS n FROM posts p
                    WHERE p.created_at >= CAST(:since AS timestamptz) AND p.deleted_at IS NULL AND NOT p.hidden AND NOT p.pending_review
                    GROUP BY p.topic_id
                   UNION ALL
                   SELECT p.topic_id, count(*) FROM reactions x JOIN posts p ON p.id = x.post_id
                    WHERE x.created_at >= CAST(:since AS timestamptz) AND p.deleted_at IS NULL AND NOT p.hidden AND NOT p.pending_review
                    GROUP BY p.topic_id) activity
                 GROUP BY topic_id) s JOIN topics t ON t.id = s.topic_id`;
        params.since = query.since;
        // A category's top ranks only its own topics: count nothing else.
        if (query.categoryId)
          from = from.replaceAll(
            'GROUP BY p.topic_id',
            `AND p.topic_id IN (SELECT id FROM topics WHERE category_id = CAST(:categoryId AS uuid))
                    GROUP BY p.topic_id`,
          );
        if (after?.order === 'score') {
          conditions.push('(s.score, t.id) < (:score, CAST(:id AS uuid))');
          Object.assign(params, { score: after.score, id: after.id });
        }
        score = 's.score';
        order = 's.score DESC, t.id DESC';
        break;
    }
    const sql = `SELECT ${TOPIC_COLUMNS}, ${userColumns('u', 'u_')}, ${score} AS list_score
      FROM ${from} JOIN categories c ON c.id = t.category_id ${joinUser('u', 't.author_id')}
      WHERE ${conditions.length > 0 ? conditions.join(' AND ') : 'TRUE'}
      ORDER BY ${order} LIMIT :limit`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows = await this.dataSource.query<(TopicRow & { list_score: number })[]>(text, values);
    return rows.map((row) => ({ topic: topicFrom(row), score: Number(row.list_score) }));
  }
}
