import type { EntityManager } from 'typeorm';

/*
 * Reads of groups and memberships for other libs, as SQL fragments or plain functions taking the caller's
 * EntityManager (the worker runs notifications without GroupsModule). `groups` and `group_members` are
 * groups' tables, so their names are written here (README, "Each lib owns its tables").
 */

/** A member's group roles as a JSON object `{ "<groupId>": "<role>" }`, or NULL: the caller's `groups`. */
export function groupRolesJson(userIdSql: string): string {
  return `(SELECT json_object_agg(m.group_id, m.role) FROM group_members m WHERE m.user_id = ${userIdSql})`;
}

/** `JOIN groups <alias> ON <on>`. */
export function joinGroup(alias: string, on: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} groups ${alias} ON ${on}`;
}

/** A subquery of the user ids of a group's members (`SELECT user_id …`), for `IN (…)` or a join. */
export function groupMemberUserIds(groupIdSql: string): string {
  return `SELECT gm.user_id FROM group_members gm WHERE gm.group_id = ${groupIdSql}`;
}

/**
 * The members of the groups these slugs name, for each author who belongs to that group (a stranger cannot
 * page a group), and only for groups of at most `maxMembers` members.
 */
export function mentionableGroupMembers(
  db: EntityManager,
  slugs: string[],
  authorIds: string[],
  maxMembers: number,
): Promise<{ slug: string; authorId: string; userId: string }[]> {
  return db.query(
    `SELECT g.slug, a.user_id AS "authorId", m.user_id AS "userId"
       FROM groups g JOIN group_members a ON a.group_id = g.id AND a.user_id = ANY($2::uuid[])
       JOIN group_members m ON m.group_id = g.id
      WHERE g.slug = ANY($1::text[]) AND g.member_count <= $3`,
    [slugs, authorIds, maxMembers],
  );
}

/** The group's owners and moderators. */
export async function groupManagerIds(db: EntityManager, groupId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await db.query(
    `SELECT user_id FROM group_members WHERE group_id = $1 AND role IN ('owner', 'moderator')`,
    [groupId],
  );
  return rows.map((row) => row.user_id);
}

/** True when the members `aSql` and `bSql` (two SQL expressions giving user ids) belong to one same group. */
export function sharesGroup(aSql: string, bSql: string): string {
  return `EXISTS (SELECT 1 FROM group_members sa JOIN group_members sb ON sb.group_id = sa.group_id
                   WHERE sa.user_id = ${aSql} AND sb.user_id = ${bSql})`;
}

/**
 * The owners and moderators (user ids, a `SELECT user_id …` subquery) of the group `groupIdSql`: the staff a
 * group inbox reaches.
 */
export function groupManagerUserIds(groupIdSql: string): string {
  return `SELECT gs.user_id FROM group_members gs WHERE gs.group_id = ${groupIdSql} AND gs.role IN ('owner', 'moderator')`;
}
