// TEMPORARY (issue 14): stand-ins for the owners' fragments requested in /work/notes/requests.md, so the
// repositories can be written now; each is replaced by the owner's export and this file is deleted.
import type { EntityManager } from 'typeorm';
import type { CategoryRef } from '@harbour/access';
import type { NotificationLevel } from '@harbour/contracts';

type JoinKind = 'JOIN' | 'LEFT JOIN';
export const joinPost = (alias: string, on: string, kind: JoinKind = 'JOIN'): string => `${kind} posts ${alias} ON ${on}`;
export const joinTopic = (alias: string, on: string, kind: JoinKind = 'JOIN'): string => `${kind} topics ${alias} ON ${on}`;
export const joinCategory = (alias: string, on: string, kind: JoinKind = 'JOIN'): string => `${kind} categories ${alias} ON ${on}`;
export const joinGroup = (alias: string, on: string, kind: JoinKind = 'JOIN'): string => `${kind} groups ${alias} ON ${on}`;
export const joinUser = (alias: string, on: string, kind: JoinKind = 'JOIN'): string => `${kind} users ${alias} ON ${on}`;
export const userExists = (userIdSql: string): string => `EXISTS (SELECT 1 FROM users WHERE id = ${userIdSql})`;

export const categoryAccessColumns = (alias: string): string =>
  `${alias}.group_id AS ${alias}_group_id, ${alias}.shared_group_ids AS ${alias}_shared_group_ids, ` +
  `${alias}.see_access AS ${alias}_see_access, ${alias}.start_access AS ${alias}_start_access, ${alias}.reply_access AS ${alias}_reply_access`;
export function categoryRefOf(row: Record<string, unknown>, alias: string): CategoryRef {
  return {
    groupId: row[`${alias}_group_id`] as CategoryRef['groupId'],
    sharedGroupIds: row[`${alias}_shared_group_ids`] as CategoryRef['sharedGroupIds'],
    seeAccess: row[`${alias}_see_access`] as CategoryRef['seeAccess'],
    startAccess: row[`${alias}_start_access`] as CategoryRef['startAccess'],
    replyAccess: row[`${alias}_reply_access`] as CategoryRef['replyAccess'],
  };
}

export const userColumns = (alias: string): string =>
  `${alias}.id AS ${alias}_id, ${alias}.username AS ${alias}_username, ${alias}.display_name AS ${alias}_display_name, ` +
  `${alias}.role AS ${alias}_role, ${alias}.created_at AS ${alias}_created_at`;

export async function notificationLevels(
  db: EntityManager,
  topicIds: string[],
  categoryIds: string[],
): Promise<{ userId: string; level: NotificationLevel; topicId: string | null; categoryId: string | null }[]> {
  const rows: { user_id: string; level: NotificationLevel; topic_id: string | null; category_id: string | null }[] = await db.query(
    `SELECT user_id, level, topic_id, NULL AS category_id FROM topic_notification_levels WHERE topic_id = ANY($1::uuid[])
     UNION ALL
     SELECT user_id, level, NULL, category_id FROM category_notification_levels WHERE category_id = ANY($2::uuid[])`,
    [topicIds, categoryIds],
  );
  return rows.map((row) => ({ userId: row.user_id, level: row.level, topicId: row.topic_id, categoryId: row.category_id }));
}

export async function mentionableGroupMembers(
  db: EntityManager,
  slugs: string[],
  authorIds: string[],
  maxMembers: number,
): Promise<{ slug: string; authorId: string; userId: string }[]> {
  const rows: { slug: string; author_id: string; user_id: string }[] = await db.query(
    `SELECT g.slug, a.user_id AS author_id, m.user_id
       FROM groups g JOIN group_members a ON a.group_id = g.id AND a.user_id = ANY($2::uuid[])
       JOIN group_members m ON m.group_id = g.id
      WHERE g.slug = ANY($1::text[]) AND g.member_count <= $3`,
    [slugs, authorIds, maxMembers],
  );
  return rows.map((row) => ({ slug: row.slug, authorId: row.author_id, userId: row.user_id }));
}

export async function groupManagerIds(db: EntityManager, groupId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await db.query(
    `SELECT user_id FROM group_members WHERE group_id = $1 AND role IN ('owner', 'moderator')`,
    [groupId],
  );
  return rows.map((row) => row.user_id);
}
