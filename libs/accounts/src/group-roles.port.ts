/**
 * A caller carries their group roles, read with their session in one query; but `group_members` is groups'
 * table and groups sits above accounts. So accounts declares this port and groups fills it (its
 * GroupRolesModule): the SQL of a member's roles as a JSON object `{ "<groupId>": "<role>" }`, or NULL.
 */
export const GROUP_ROLES_SQL = 'GROUP_ROLES_SQL';

/** Given the SQL of a user id (`u.id`), an expression for that member's group roles. */
export type GroupRolesSql = (userIdSql: string) => string;
