import type { EntityManager } from 'typeorm';
import type { CategoryRef } from '@harbour/access';
import { categoryAccessColumns, categoryRefFrom } from './category.repository';

/*
 * Reads of posts for libs that run without ForumModule (the notification fan-out and mailer also run in the
 * worker): plain functions over the caller's `db`, each one query.
 */

/** What a new post's notifications need about it, its topic, its parent and its category's access. */
export interface PostContext extends CategoryRef {
  authorId: string;
  /** Posted anonymously: its notifications name no actor (api.md 1.1). */
  anonymous: boolean;
  /** Hidden or deleted since. */
  gone: boolean;
  html: string;
  topicId: string;
  topicAuthorId: string;
  categoryId: string;
  parentAuthorId: string | null;
}

/** Each post's PostContext, by post id. */
export async function postContexts(db: EntityManager, ids: string[]): Promise<Map<string, PostContext>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<
    {
      id: string;
      author_id: string;
      anonymous: boolean;
      gone: boolean;
      html: string;
      topic_id: string;
      topic_author_id: string;
      category_id: string;
      parent_author_id: string | null;
    }[]
  >(
    `SELECT p.id, p.author_id, p.anonymous_number IS NOT NULL AS anonymous, (p.hidden OR p.deleted_at IS NOT NULL) AS gone, p.html, t.id AS topic_id, t.author_id AS topic_author_id,
            t.category_id, parent.author_id AS parent_author_id, ${categoryAccessColumns('c')}
       FROM posts p JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
       LEFT JOIN posts parent ON parent.id = p.parent_id
      WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        authorId: row.author_id,
        anonymous: row.anonymous,
        gone: row.gone,
        html: row.html,
        topicId: row.topic_id,
        topicAuthorId: row.topic_author_id,
        categoryId: row.category_id,
        parentAuthorId: row.parent_author_id,
        ...categoryRefFrom(row),
      },
    ]),
  );
}

/** Authors of these posts, by post id (the quoted of a new post). */
export async function postAuthors(db: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; author_id: string }[]>('SELECT id, author_id FROM posts WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.id, row.author_id]));
}

/** A post's rendered HTML (a notification email's excerpt), or null when it is gone. */
export async function postHtml(db: EntityManager, id: string): Promise<string | null> {
  const [row] = await db.query<{ html: string }[]>('SELECT html FROM posts WHERE id = $1', [id]);
  return row?.html ?? null;
}

/** A reported post's or topic's topic and space (who moderates it hears of the report), or null when gone. */
export async function forumTargetSpace(
  db: EntityManager,
  target: { type: 'post' | 'topic'; id: string },
): Promise<(CategoryRef & { topicId: string }) | null> {
  const [row] = await db.query<({ topic_id: string } & Record<string, unknown>)[]>(
    `SELECT t.id AS topic_id, ${categoryAccessColumns('c')}
       FROM topics t JOIN categories c ON c.id = t.category_id
      WHERE t.id = CASE WHEN $1 = 'topic' THEN $2::uuid ELSE (SELECT p.topic_id FROM posts p WHERE p.id = $2::uuid) END`,
    [target.type, target.id],
  );
  return row ? { topicId: row.topic_id, ...categoryRefFrom(row) } : null;
}
