import type { EntityManager } from 'typeorm';

/** Where a post is in the web client: `/t/<slug>/<topicId>/<number>` (the topic alone while it has no number). */
export interface PostLink {
  slug: string;
  topicId: string;
  number: number | null;
}

/**
 * The address parts of each post, by post id, and of each topic, by topic id, for emails and pushes that
 * link straight to a post; one query. Runs without ForumModule (the worker mails and pushes too).
 */
export async function postLinks(db: EntityManager, postIds: string[], topicIds: string[] = []): Promise<Map<string, PostLink>> {
  if (postIds.length === 0 && topicIds.length === 0) return new Map();
  const rows = await db.query<{ key: string; slug: string; topic_id: string; number: number | null }[]>(
    `SELECT p.id AS key, t.slug, t.id AS topic_id, p.number FROM posts p JOIN topics t ON t.id = p.topic_id WHERE p.id = ANY($1::uuid[])
     UNION ALL
     SELECT t.id AS key, t.slug, t.id AS topic_id, NULL::int AS number FROM topics t WHERE t.id = ANY($2::uuid[])`,
    [postIds, topicIds],
  );
  return new Map(rows.map((row) => [row.key, { slug: row.slug, topicId: row.topic_id, number: row.number }]));
}

/** The path of a post link (no origin). */
export function postPath(link: PostLink): string {
  return `/t/${encodeURIComponent(link.slug)}/${link.topicId}${link.number !== null ? `/${link.number}` : ''}`;
}
