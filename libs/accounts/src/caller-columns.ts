import { actingRole, type Caller } from '@harbour/access';
import type { GroupRolesSql } from './group-roles.port';

/** What a caller is made of, read from `users` (and groups' roles) under `alias`: defined once for sessions and MemberCallers. */
export function callerColumns(alias: string, groupRoles: GroupRolesSql): string {
  return `${alias}.id AS user_id, ${alias}.username, ${alias}.role, ${alias}.locale, ${groupRoles(`${alias}.id`)} AS groups,
          ${alias}.totp_secret IS NOT NULL AS two_factor`;
}

/** The row callerColumns produced. */
export interface CallerColumnsRow {
  user_id: string;
  username: string;
  role: Caller['role'];
  locale: Caller['locale'];
  groups: Caller['groups'] | null;
  two_factor: boolean;
}

/**
 * A caller from its row and what its session (if any) adds. `staffTwoFactor` is the site's setting: staff
 * without two-factor act as members while it is on (access's actingRole).
 */
export function callerFrom(
  row: CallerColumnsRow,
  session: Pick<Caller, 'sessionId' | 'via' | 'silenced'>,
  staffTwoFactor: boolean,
): Caller {
  const role = actingRole({ role: row.role, twoFactor: row.two_factor, staffTwoFactor });
  return { userId: row.user_id, username: row.username, role, locale: row.locale, groups: row.groups ?? {}, ...session };
}
