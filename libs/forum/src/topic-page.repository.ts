import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { joinUser, userColumns, userFromRow } from '@harbour/accounts';
import { hotQuery } from '@harbour/common';
import type { PostExtras } from './forum.mappers';
import { Post } from './post.entity';
import { TOPIC_SELECT, topicFrom, type TopicRow } from './topic.repository';
import type { Topic } from './topic.entity';

/**
 * One page of a topic as everyone sees it: the topic (null when missing), its posts and their reaction
 * counts. What differs per reader (their own reactions and bookmarks) comes from viewerMarks, so this
 * part can be shared between readers through the TopicPageCache.
 */
export interface TopicPage {
  topic: Topic | null;
  posts: Post[];
  reactions: Map<string, Record<string, number>>;
  /**
   * Who has reacted to or bookmarked a post of this page: only their reads need their own marks, so
   * every other reader skips that query. Kept in memory only, never answered to anyone.
   */
  markers: Set<string>;
}

interface PagePostJson {
  id: string;
  topic_id: string;
  number: number | null;
  author_id: string;
  parent_id: string | null;
  body: string;
  html: string;
  content_warning: string | null;
  wiki: boolean;
  hidden: boolean;
  pending_review: boolean;
  created_at: string;
  edited_at: string | null;
  revision: number;
  deleted_at: string | null;
  reactions: Record<string, number> | null;
}

/** A page's posts with their authors and reaction counts (PagePostJson), before the WHERE. */
const PAGE_POSTS = `SELECT p.id, p.topic_id, p.number, p.author_id, p.parent_id, p.body, p.html, p.content_warning, p.wiki,
       p.hidden, p.pending_review, p.created_at, p.edited_at, p.revision, p.deleted_at, ${userColumns('u', 'u_')},
       (SELECT json_object_agg(x.emoji, x.n) FROM (SELECT r.emoji, count(*)::int AS n FROM reactions r
          WHERE r.post_id = p.id GROUP BY r.emoji) x) AS reactions
  FROM posts p ${joinUser('u', 'p.author_id')}`;

/**
 * The reads every topic page makes, each one round trip on the pg pool as a named prepared statement
 * (`hotQuery`): the forum's hottest path.
 */
@Injectable()
export class TopicPageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A topic page in a single round trip. The caller must still check access on `topic.category` before
   * using anything: this reads first and lets the access module decide, so a private topic costs the same.
   */
  async read(topicId: string, afterNumber: number, count: number): Promise<TopicPage> {
    const [row] = await hotQuery<{ topic: TopicRow | null; posts: PagePostJson[] | null; markers: string[] | null }>(
      this.dataSource,
      'topic_page',
      `WITH numbered AS (
         ${PAGE_POSTS}
          WHERE p.topic_id = $1 AND p.number > $2
          ORDER BY p.number
          LIMIT $3),
       -- Replies held for review have no number yet: they come after the last page, for the few who see them.
       held AS (
         ${PAGE_POSTS}
          WHERE p.topic_id = $1 AND p.number IS NULL AND (SELECT count(*) FROM numbered) < $3
          ORDER BY p.created_at, p.id
          LIMIT $3),
       page AS (SELECT * FROM numbered UNION ALL SELECT * FROM held)
       SELECT
         (SELECT row_to_json(t) FROM (
            ${TOPIC_SELECT} WHERE t.id = $1) t) AS topic,
         (SELECT json_agg(page ORDER BY page.number NULLS LAST, page.created_at, page.id) FROM page) AS posts,
         (SELECT array_agg(DISTINCT m.user_id) FROM (
            SELECT r.user_id FROM reactions r JOIN page ON page.id = r.post_id
            UNION ALL
            SELECT b.user_id FROM bookmarks b JOIN page ON page.id = b.post_id) m) AS markers`,
      [topicId, afterNumber, count],
    );
    const topic = row?.topic ? topicFrom(row.topic) : null;
    const reactions = new Map<string, Record<string, number>>();
    const posts = (row?.posts ?? []).map((json) => {
      if (json.reactions) reactions.set(json.id, json.reactions);
      return Object.assign(new Post(), {
        id: json.id,
        topicId: json.topic_id,
        number: json.number,
        authorId: json.author_id,
        parentId: json.parent_id,
        body: json.body,
        html: json.html,
        contentWarning: json.content_warning,
        wiki: json.wiki,
        hidden: json.hidden,
        pendingReview: json.pending_review,
        createdAt: new Date(json.created_at),
        editedAt: json.edited_at ? new Date(json.edited_at) : null,
        revision: json.revision,
        deletedAt: json.deleted_at ? new Date(json.deleted_at) : null,
        author: userFromRow(json, 'u_'),
      });
    });
    return { topic, posts, reactions, markers: new Set(row?.markers ?? []) };
  }

  /** One reader's own marks on a page of posts (their reactions and bookmarks), in one query. */
  async viewerMarks(viewerId: string, postIds: string[]): Promise<Pick<PostExtras, 'mine' | 'bookmarked'>> {
    const marks: Pick<PostExtras, 'mine' | 'bookmarked'> = { mine: new Map(), bookmarked: new Set() };
    if (postIds.length === 0) return marks;
    const rows = await hotQuery<{ post_id: string; emoji: string | null }>(
      this.dataSource,
      'viewer_marks',
      `SELECT post_id, emoji FROM reactions WHERE user_id = $1 AND post_id = ANY($2)
       UNION ALL
       SELECT post_id, NULL FROM bookmarks WHERE user_id = $1 AND post_id = ANY($2)`,
      [viewerId, postIds],
    );
    for (const row of rows) {
      if (row.emoji === null) marks.bookmarked.add(row.post_id);
      else marks.mine.set(row.post_id, [...(marks.mine.get(row.post_id) ?? []), row.emoji]);
    }
    return marks;
  }
}
