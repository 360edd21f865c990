import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents, MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';
import { TopicPageCache } from './topic-page.cache';
import { anonymousLabel } from './forum.mappers';

/** The title of a topic whose starter deleted their account with their posts (the client may show it translated). */
export const DELETED_TITLE = '[deleted]';
const DELETED_SLUG = 'deleted';

/** A row as the export writes it (column aliases are the JSON keys). */
type Row = Record<string, unknown>;

interface PostRow {
  id: string;
  topic_id: string;
  number: number | null;
  body: string;
  content_warning: string | null;
  anonymous_number: number | null;
  hidden: boolean;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  revisions: { markdown: string; editedAt: string }[];
}

/**
 * What forum holds about a member (their posts and revisions, topics started, reactions, bookmarks, reading
 * positions, notification levels, mentions of them), for the export and the deletion (README, "Leaving").
 */
@Injectable()
export class ForumMemberData implements MemberDataPart {
  readonly name = 'forum';

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly pageCache: TopicPageCache,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const db = this.dataSource.manager;
    const posts = await db.query<PostRow[]>(
      `SELECT p.id, p.topic_id, p.number, p.body, p.content_warning, p.anonymous_number, p.hidden, p.created_at,
              p.edited_at, p.deleted_at,
              coalesce((SELECT json_agg(json_build_object('markdown', r.body, 'editedAt', r.edited_at) ORDER BY r.edited_at)
                          FROM post_revisions r WHERE r.post_id = p.id AND r.editor_id = $1), '[]') AS revisions
         FROM posts p
        WHERE p.author_id = $1 ORDER BY p.created_at`,
      [userId],
    );
    const topics = await db.query<{ id: string; title: string; created_at: Date }[]>(
      'SELECT id, title, created_at FROM topics WHERE author_id = $1 ORDER BY created_at',
      [userId],
    );
    const reactions = await db.query<Row[]>(
      'SELECT post_id AS "postId", emoji, created_at AS "createdAt" FROM reactions WHERE user_id = $1',
      [userId],
    );
    const bookmarks = await db.query<Row[]>('SELECT post_id AS "postId", created_at AS "createdAt" FROM bookmarks WHERE user_id = $1', [
      userId,
    ]);
    const reads = await db.query<Row[]>(
      'SELECT topic_id AS "topicId", last_read_number AS "lastReadNumber" FROM topic_reads WHERE user_id = $1',
      [userId],
    );
    const topicLevels = await db.query<Row[]>('SELECT topic_id AS "topicId", level FROM topic_notification_levels WHERE user_id = $1', [
      userId,
    ]);
    const categoryLevels = await db.query<Row[]>(
      'SELECT category_id AS "categoryId", level FROM category_notification_levels WHERE user_id = $1',
      [userId],
    );
    return {
      'posts.json': {
        posts: posts.map((post) => ({
          id: post.id,
          // Only the topic's id: its title is someone else's words, maybe in a space the member has since left.
          topicId: post.topic_id,
          number: post.number,
          createdAt: post.created_at,
          editedAt: post.edited_at,
          deleted: post.deleted_at !== null,
          hidden: post.hidden,
          contentWarning: post.content_warning,
          markdown: post.body,
          // The member's own export (behind their password) holds their anonymous posts too, saying so.
          anonymousLabel: post.anonymous_number === null ? null : anonymousLabel(post.anonymous_number),
          revisions: post.revisions,
        })),
        topicsStarted: topics.map((topic) => ({ id: topic.id, title: topic.title, createdAt: topic.created_at })),
      },
      'activity.json': { reactions, bookmarks, readingPositions: reads },
      'subscriptions.json': { topics: topicLevels, categories: categoryLevels },
    };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<() => void> {
    const { userId } = member;
    // Edit history goes in both modes: an earlier body may hold what the member removed because it said who they are.
    await manager.query('DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)', [userId]);
    let tombstoned: { id: string; topic_id: string }[] = [];
    let retitled: { id: string; category_id: string }[] = [];
    if (member.posts === 'delete') {
      await manager.query('DELETE FROM mentions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)', [userId]);
      const [rows] = await manager.query<[{ id: string; topic_id: string; was_live: boolean }[], number]>(
        `WITH mine AS (SELECT id, deleted_at IS NULL AS was_live FROM posts WHERE author_id = $1 FOR UPDATE)
         UPDATE posts p SET body = '', html = '', content_warning = NULL, deleted_at = coalesce(p.deleted_at, now())
           FROM mine WHERE p.id = mine.id
         RETURNING p.id, p.topic_id, mine.was_live`,
        [userId],
      );
      tombstoned = rows.filter((row) => row.was_live);
      // A title is the member's own words as much as a body ("Montreal nurse here — …"): the topics they started
      // keep others' replies under a neutral one. The title's search index is a generated column: it follows.
      [retitled] = await manager.query<[{ id: string; category_id: string }[], number]>(
        `UPDATE topics SET title = $2, slug = $3 WHERE author_id = $1 RETURNING id, category_id`,
        [userId, DELETED_TITLE, DELETED_SLUG],
      );
    }
    for (const table of [
      'mentions',
      'reactions',
      'bookmarks',
      'topic_reads',
      'topic_notification_levels',
      'category_notification_levels',
    ]) {
      await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
    return () => {
      // Every page showing their name, reactions or posts is stale in this process (others: within two seconds).
      this.pageCache.clear();
      for (const post of tombstoned) this.events.publish('PostDeleted', { postId: post.id, topicId: post.topic_id });
      for (const topic of retitled) {
        this.events.publish('TopicUpdated', { topicId: topic.id, categoryId: topic.category_id, previousCategoryId: topic.category_id });
      }
    };
  }
}
