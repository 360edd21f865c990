import type { DataSource } from 'typeorm';
import { User } from '@harbour/accounts';
import { hotQuery } from '@harbour/common';
import { Category } from './category.entity';
import { Post } from './post.entity';
import type { PostExtras } from './forum.mappers';
import { Topic } from './topic.entity';

/*
 * The reads every topic page makes, in plain SQL. TypeORM's query builder spends more CPU building SQL
 * and hydrating entities than PostgreSQL spends answering; on these paths that halved throughput.
 * Each function returns the same entities the rest of the code expects.
 */

const USER_COLUMNS = `u.id AS u_id, u.username AS u_username, u.display_name AS u_display_name, u.role AS u_role, u.created_at AS u_created_at`;

interface UserRow {
  u_id: string;
  u_username: string;
  u_display_name: string;
  u_role: User['role'];
  u_created_at: Date;
}

function userFrom(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.u_id,
    username: row.u_username,
    displayName: row.u_display_name,
    role: row.u_role,
    createdAt: row.u_created_at,
  });
}

interface TopicRow extends UserRow {
  t_id: string;
  t_category_id: string;
  t_author_id: string;
  t_title: string;
  t_slug: string;
  t_created_at: Date;
  t_last_post_at: Date;
  t_post_count: number;
  t_pinned: boolean;
  t_locked: boolean;
  t_pending_review: boolean;
  t_slow_mode_seconds: number;
  c_group_id: string | null;
  c_name: string;
  c_slug: string;
  c_description: string;
  c_parent_id: string | null;
  c_shared_group_ids: string[];
  c_see_access: Category['seeAccess'];
  c_start_access: Category['startAccess'];
  c_reply_access: Category['replyAccess'];
  c_position: number;
  c_topic_count: number;
  c_created_at: Date;
}

/** A topic with its category and its author, as flat columns (see TopicRow). */
const TOPIC_SELECT = `SELECT t.id AS t_id, t.category_id AS t_category_id, t.author_id AS t_author_id, t.title AS t_title,
       t.slug AS t_slug, t.created_at AS t_created_at, t.last_post_at AS t_last_post_at, t.post_count AS t_post_count,
       t.pinned AS t_pinned, t.locked AS t_locked, t.pending_review AS t_pending_review,
       t.slow_mode_seconds AS t_slow_mode_seconds,
       c.group_id AS c_group_id, c.name AS c_name, c.slug AS c_slug, c.description AS c_description,
       c.parent_id AS c_parent_id, c.shared_group_ids AS c_shared_group_ids, c.see_access AS c_see_access,
       c.start_access AS c_start_access, c.reply_access AS c_reply_access, c.position AS c_position, c.topic_count AS c_topic_count, c.created_at AS c_created_at,
       ${USER_COLUMNS}
  FROM topics t JOIN categories c ON c.id = t.category_id JOIN users u ON u.id = t.author_id`;

/** A topic with its category and author, or null. */
export async function readTopic(dataSource: DataSource, id: string): Promise<Topic | null> {
  const rows: TopicRow[] = await dataSource.query(`${TOPIC_SELECT} WHERE t.id = $1`, [id]);
  const row = rows[0];
  return row ? topicFrom(row) : null;
}

function topicFrom(row: TopicRow): Topic {
  const category = Object.assign(new Category(), {
    id: row.t_category_id,
    groupId: row.c_group_id,
    name: row.c_name,
    slug: row.c_slug,
    description: row.c_description,
    parentId: row.c_parent_id,
    sharedGroupIds: row.c_shared_group_ids,
    seeAccess: row.c_see_access,
    startAccess: row.c_start_access,
    replyAccess: row.c_reply_access,
    position: row.c_position,
    topicCount: row.c_topic_count,
    createdAt: row.c_created_at,
  });
  return Object.assign(new Topic(), {
    id: row.t_id,
    categoryId: row.t_category_id,
    authorId: row.t_author_id,
    title: row.t_title,
    slug: row.t_slug,
    createdAt: row.t_created_at,
    lastPostAt: row.t_last_post_at,
    postCount: row.t_post_count,
    pinned: row.t_pinned,
    locked: row.t_locked,
    pendingReview: row.t_pending_review,
    slowModeSeconds: row.t_slow_mode_seconds,
    category,
    author: userFrom(row),
  });
}

/**
 * One page of a topic as everyone sees it: the topic (null when missing), its posts and their reaction
 * counts. What differs per reader (their own reactions and bookmarks) comes from readViewerMarks, so this
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
  u_id: string;
  u_username: string;
  u_display_name: string;
  u_role: User['role'];
  u_created_at: string;
  reactions: Record<string, number> | null;
}

/** A page's posts with their authors and reaction counts (PagePostJson), before the WHERE. */
const PAGE_POSTS = `SELECT p.id, p.topic_id, p.number, p.author_id, p.parent_id, p.body, p.html, p.content_warning, p.wiki,
       p.hidden, p.pending_review, p.created_at, p.edited_at, p.revision, p.deleted_at, ${USER_COLUMNS},
       (SELECT json_object_agg(x.emoji, x.n) FROM (SELECT r.emoji, count(*)::int AS n FROM reactions r
          WHERE r.post_id = p.id GROUP BY r.emoji) x) AS reactions
  FROM posts p JOIN users u ON u.id = p.author_id`;

/**
 * A topic page in a single round trip. The caller must still check access on `topic.category` before
 * using anything: this reads first and lets the access module decide, so a private topic costs the same.
 */
export async function readTopicPage(dataSource: DataSource, topicId: string, afterNumber: number, count: number): Promise<TopicPage> {
  const [row] = await hotQuery<{ topic: TopicRow | null; posts: PagePostJson[] | null; markers: string[] | null }>(
    dataSource,
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
  const topic = row?.topic ? topicFrom(revive(row.topic)) : null;
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
      author: userFrom({ ...json, u_created_at: new Date(json.u_created_at) }),
    });
  });
  return { topic, posts, reactions, markers: new Set(row?.markers ?? []) };
}

/** One reader's own marks on a page of posts (their reactions and bookmarks), in one query. */
export async function readViewerMarks(
  dataSource: DataSource,
  viewerId: string,
  postIds: string[],
): Promise<Pick<PostExtras, 'mine' | 'bookmarked'>> {
  const marks: Pick<PostExtras, 'mine' | 'bookmarked'> = { mine: new Map(), bookmarked: new Set() };
  if (postIds.length === 0) return marks;
  const rows = await hotQuery<{ post_id: string; emoji: string | null }>(
    dataSource,
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

/** row_to_json gives timestamps as strings; the entities hold Dates. */
function revive(row: TopicRow): TopicRow {
  return {
    ...row,
    t_created_at: new Date(row.t_created_at),
    t_last_post_at: new Date(row.t_last_post_at),
    c_created_at: new Date(row.c_created_at),
    u_created_at: new Date(row.u_created_at),
  };
}
