import type { EntityManager } from 'typeorm';

/*
 * Blocks seen from other libs' queries (notifications, posts, messages): `user_blocks` is accounts' table, so
 * the conditions on it are written here once. A block is private to its blocker: these fragments only ever
 * answer the blocker's own question ("did I block this author?"), never the blocked member's.
 */

/** True when the member `blockerSql` blocked the member `blockedSql` (two SQL expressions giving user ids). */
export function blockedBy(blockerSql: string, blockedSql: string): string {
  return `EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocker_id = ${blockerSql} AND ub.blocked_id = ${blockedSql})`;
}

/**
 * The ids (a uuid[] or NULL) of members who blocked any of the members `blockedIdsSql` gives (a subquery):
 * the topic page keeps it in its shared cache, never sends it, and asks per reader only for those members.
 */
export function blockersOf(blockedIdsSql: string): string {
  return `(SELECT array_agg(DISTINCT ub.blocker_id) FROM user_blocks ub WHERE ub.blocked_id IN (${blockedIdsSql}))`;
}

/** True unless the member `recipientSql` blocked the member `actorSql`: what a notification or a message needs. */
export function notBlockedBy(recipientSql: string, actorSql: string): string {
  return `NOT ${blockedBy(recipientSql, actorSql)}`;
}

/**
 * Which (recipient, actor) pairs are blocked by their recipient, as `${recipientId}:${actorId}` keys, in one
 * statement for a whole batch (the notification fan-out, which runs in the worker too: hence a function over
 * the caller's `db`, not a service).
 */
export async function blockedPairs(db: EntityManager, pairs: { recipientId: string; actorId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.query<{ blocker_id: string; blocked_id: string }[]>(
    `SELECT ub.blocker_id, ub.blocked_id FROM user_blocks ub
       JOIN unnest($1::uuid[], $2::uuid[]) AS p(recipient_id, actor_id)
         ON ub.blocker_id = p.recipient_id AND ub.blocked_id = p.actor_id`,
    [pairs.map((pair) => pair.recipientId), pairs.map((pair) => pair.actorId)],
  );
  return new Set(rows.map((row) => `${row.blocker_id}:${row.blocked_id}`));
}

/** Of these authors, those the viewer blocked (a page of posts, search hits): one statement. */
export async function blockedAmong(db: EntityManager, viewerId: string, authorIds: string[]): Promise<Set<string>> {
  if (authorIds.length === 0) return new Set();
  const rows = await db.query<{ blocked_id: string }[]>(
    'SELECT blocked_id FROM user_blocks WHERE blocker_id = $1 AND blocked_id = ANY($2::uuid[])',
    [viewerId, [...new Set(authorIds)]],
  );
  return new Set(rows.map((row) => row.blocked_id));
}
