import type { Caller } from '@harbour/access';
import type { GroupRolesSql } from './group-roles.port';

/** What a caller is made of, read from `users` (and groups' roles) under `alias`: defined once for sessions and MemberCallers. */
export function callerColumns(alias: string, groupRoles: GroupRolesSql): string {
  return `${alias}.id AS user_id, ${alias}.username, ${alias}.role, ${alias}.locale, ${groupRoles(`${alias}.id`)} AS groups`;
}

/** The row callerColumns produced. */
export interface CallerColumnsRow {
  user_id: string;
  username: string;
  role: Caller['role'];
  locale: Caller['locale'];
  groups: Caller['groups'] | null;
}

/** A caller from its row and what its session (if any) adds. */
export function callerFrom(row: CallerColumnsRow, session: Pick<Caller, 'sessionId' | 'via' | 'silenced'>): Caller {
  return { userId: row.user_id, username: row.username, role: row.role, locale: row.locale, groups: row.groups ?? {}, ...session };
}
