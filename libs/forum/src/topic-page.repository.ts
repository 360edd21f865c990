import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { blockedBy, blockersOf } from '@harbour/accounts';
import { hotQuery } from '@harbour/common';
import type { PostExtras } from './forum.mappers';
import type { Post } from './post.entity';
import { POST_AUTHOR, POST_COLUMNS, postFrom } from './post.repository';
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
  /**
   * Who blocked an author of this page: only their reads need their own blocks (viewerMarks), for the same
   * reason. Kept in memory only, never answered to anyone: who blocked whom is the blocker's alone.
   */
  blockers: Set<string>;
  /** Whether numbered posts exist above this page (held ones have no number and never count). */
  earlier: boolean;
  /** Whether numbered posts exist below a `before` page (the one it was read above); false for the others. */
  later: boolean;
  /** The first number this page could hold: `?before=` it reads the posts above. */
  start: number;
}

/**
 * Which stretch of a topic a page is: the posts after a number (the first page is `after: 0`), the page
 * holding a number (`around`: a few posts before it, the rest after; past the end, the last page), or the
 * posts just before a number (`before`: paging upwards).
 */
export type PageWindow = { after: number } | { around: number } | { before: number };

/** How many posts an `around` page shows above its post, out of `count`: enough to see what it answers. */
export function leadOf(count: number): number {
  return Math.min(5, Math.floor(count / 4));
}

/** A stable key for a window, for the page cache. */
export function windowKey(window: PageWindow): string {
  return 'around' in window ? `r${window.around}` : 'before' in window ? `b${window.before}` : `a${window.after}`;
}

/** What differs per reader on a page: their reactions, bookmarks and the authors they blocked. */
export type ViewerMarks = Pick<PostExtras, 'mine' | 'bookmarked' | 'blockedAuthors'>;

/** A page's posts with their authors (POST_COLUMNS) and reaction counts, before the WHERE. */
const PAGE_POSTS = `SELECT ${POST_COLUMNS},
       (SELECT json_object_agg(x.emoji, x.n) FROM (SELECT r.emoji, count(*)::int AS n FROM reactions r
          WHERE r.post_id = p.id GROUP BY r.emoji) x) AS reactions
  FROM posts p ${POST_AUTHOR}`;

/**
 * The reads every topic page makes, each one round trip on the pg pool as a named prepared statement
 * (`hotQuery`): the forum's hottest path.
 */
@Injectable()
export class TopicPageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A topic page (`count` posts of `window`) in a single round trip. The caller must still check access on `topic.category` before
   * using anything: this reads first and lets the access module decide, so a private topic costs the same.
   */
  async read(topicId: string, window: PageWindow, count: number): Promise<TopicPage> {
    const around = 'around' in window ? window.around : null;
    const before = 'before' in window ? window.before : null;
    const after = 'after' in window ? window.after : 0;
    const [row] = await hotQuery<{
      start: number;
      earlier: boolean;
      later: boolean;
      topic: TopicRow | null;
      posts: ({ reactions: Record<string, number> | null } & object)[] | null;
      markers: string[] | null;
      blockers: string[] | null;
    }>(
      this.dataSource,
      'topic_page',
      // Every window is "numbers from start, below stop": only how start is found differs. Each lookup walks
      // the (topic_id, number) index for at most a page of rows, so a post deep in a long topic costs the same.
      `WITH bounds AS (
         SELECT CASE
           WHEN $4::int IS NOT NULL THEN least(
             -- the lead posts above the target (or the target itself), but never past the start of the last page
             coalesce((SELECT min(x.number) FROM (SELECT number FROM posts WHERE topic_id = $1 AND number < $4
                 ORDER BY number DESC LIMIT $6) x), $4::int),
             coalesce((SELECT min(x.number) FROM (SELECT number FROM posts WHERE topic_id = $1 AND number IS NOT NULL
                 ORDER BY number DESC LIMIT $3::int - 1) x), 1))
           WHEN $5::int IS NOT NULL THEN
             coalesce((SELECT min(x.number) FROM (SELECT number FROM posts WHERE topic_id = $1 AND number < $5
                 ORDER BY number DESC LIMIT $3::int - 1) x), $5::int)
           ELSE $2::int + 1 END AS start,
           coalesce($5::int, 2147483647) AS stop),
       numbered AS (
         ${PAGE_POSTS}
          WHERE p.topic_id = $1 AND p.number >= (SELECT start FROM bounds) AND p.number < (SELECT stop FROM bounds)
          ORDER BY p.number
          LIMIT $3),
       -- Replies held for review have no number yet: they come after the last page, for the few who see them.
       held AS (
         ${PAGE_POSTS}
          WHERE p.topic_id = $1 AND p.number IS NULL AND $5::int IS NULL AND (SELECT count(*) FROM numbered) < $3
          ORDER BY p.created_at, p.id
          LIMIT $3),
       page AS (SELECT * FROM numbered UNION ALL SELECT * FROM held)
       SELECT
         (SELECT start FROM bounds) AS start,
         EXISTS (SELECT 1 FROM posts WHERE topic_id = $1 AND number < (SELECT start FROM bounds)) AS earlier,
         EXISTS (SELECT 1 FROM posts WHERE topic_id = $1 AND number >= (SELECT stop FROM bounds)) AS later,
         (SELECT row_to_json(t) FROM (
            ${TOPIC_SELECT} WHERE t.id = $1) t) AS topic,
         (SELECT json_agg(page ORDER BY page.p_number NULLS LAST, page.p_created_at, page.p_id) FROM page) AS posts,
         (SELECT array_agg(DISTINCT m.user_id) FROM (
            SELECT r.user_id FROM reactions r JOIN page ON page.p_id = r.post_id
            UNION ALL
            SELECT b.user_id FROM bookmarks b JOIN page ON page.p_id = b.post_id) m) AS markers,
         ${blockersOf('SELECT page.p_author_id FROM page')} AS blockers`,
      [topicId, after, count, around, before, leadOf(count - 1)],
    );
    const topic = row?.topic ? topicFrom(row.topic) : null;
    const reactions = new Map<string, Record<string, number>>();
    const posts = (row?.posts ?? []).map((json) => {
      const post = postFrom(json);
      if (json.reactions) reactions.set(post.id, json.reactions);
      return post;
    });
    return {
      topic,
      posts,
      reactions,
      markers: new Set(row?.markers ?? []),
      blockers: new Set(row?.blockers ?? []),
      earlier: row?.earlier ?? false,
      later: row?.later ?? false,
      start: row?.start ?? 1,
    };
  }

  /** One reader's own marks on a page of posts (their reactions, bookmarks and blocked authors), in one query. */
  async viewerMarks(viewerId: string, postIds: string[]): Promise<ViewerMarks> {
    const marks: ViewerMarks = { mine: new Map(), bookmarked: new Set(), blockedAuthors: new Set() };
    if (postIds.length === 0) return marks;
    const rows = await hotQuery<{ kind: 'reaction' | 'bookmark' | 'blocked'; id: string; emoji: string | null }>(
      this.dataSource,
      'viewer_marks',
      `SELECT 'reaction' AS kind, post_id AS id, emoji FROM reactions WHERE user_id = $1 AND post_id = ANY($2)
       UNION ALL
       SELECT 'bookmark', post_id, NULL FROM bookmarks WHERE user_id = $1 AND post_id = ANY($2)
       UNION ALL
       SELECT DISTINCT 'blocked', p.author_id, NULL FROM posts p WHERE p.id = ANY($2) AND ${blockedBy('$1', 'p.author_id')}`,
      [viewerId, postIds],
    );
    for (const row of rows) {
      if (row.kind === 'bookmark') marks.bookmarked.add(row.id);
      else if (row.kind === 'blocked') marks.blockedAuthors.add(row.id);
      else if (row.emoji !== null) marks.mine.set(row.id, [...(marks.mine.get(row.id) ?? []), row.emoji]);
    }
    return marks;
  }
}
