import type { UserDto } from '@harbour/contracts';
import { toUserDto } from './user.mapper';
import { User } from './user.entity';

/*
 * SQL fragments for other libs' queries that need a member beside their own rows (an author, a recipient).
 * `users` is accounts' table, so its name and its public columns are written here once; a query that joins
 * a member stays one query (README, "Each lib owns its tables").
 */

/** A member's public columns (those of UserDto), each as `<prefix><column>`: read them back with userFromRow. */
export function userColumns(alias: string, prefix = `${alias}_`): string {
  return `${alias}.id AS ${prefix}id, ${alias}.username AS ${prefix}username, ${alias}.display_name AS ${prefix}display_name, ${alias}.role AS ${prefix}role, ${alias}.created_at AS ${prefix}created_at, ${alias}.avatar_version AS ${prefix}avatar_version`;
}

/**
 * What a member receives mail at: their address and language, and whether they asked for discretion
 * (`discreet`: no names, titles or words in their emails). Never for a public answer.
 */
export function userContactColumns(alias: string, prefix = `${alias}_`): string {
  return `${alias}.email AS ${prefix}email, ${alias}.locale AS ${prefix}locale, ${alias}.discreet AS ${prefix}discreet`;
}

/** `JOIN users <alias> ON <alias>.id = <onColumn>`. */
export function joinUser(alias: string, onColumn: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} users ${alias} ON ${alias}.id = ${onColumn}`;
}

/**
 * True for a member whose address still takes mail: no bounce or complaint since they last fixed it. Every
 * email that is not account security (mailings, notifications, digests, alerts) is sent only where it holds.
 */
export function emailWorks(alias: string): string {
  return `${alias}.email_problem IS NULL`;
}

/** True for a member who may sign in (not suspended, banned or awaiting approval). */
export function userIsActive(alias: string): string {
  return `${alias}.status = 'active'`;
}

/** True for a member a mailing still reaches: active or suspended (a suspension is not an unsubscription). */
export function userReceivesMailings(alias: string): string {
  return `${alias}.status IN ('active', 'suspended')`;
}

/** The member's username matches a named parameter already lower-cased (`:param`). */
export function userHasUsername(alias: string, param: string): string {
  return `${alias}.username_key = :${param}`;
}

/** True when the member with this id exists. */
export function userExists(userIdSql: string): string {
  return `EXISTS (SELECT 1 FROM users WHERE id = ${userIdSql})`;
}

interface PublicUserColumns {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  /** A string when the row went through JSON. */
  created_at: Date | string;
  avatar_version: number;
}

/** The row userColumns(alias, prefix) produced, e.g. `UserColumnsRow<'u_'>` has `u_id`, `u_username`, … */
export type UserColumnsRow<P extends string> = { [K in keyof PublicUserColumns as `${P}${K}`]: PublicUserColumns[K] };

/** The member of a userColumns row, as the entity mappers take (its other fields are not loaded). */
export function userFromRow(row: object, prefix: string): User {
  const columns = row as Record<string, unknown>;
  const field = (name: keyof PublicUserColumns): unknown => columns[`${prefix}${name}`];
  return Object.assign(new User(), {
    id: field('id') as string,
    username: field('username') as string,
    displayName: field('display_name') as string,
    role: field('role') as User['role'],
    createdAt: new Date(field('created_at') as Date | string),
    avatarVersion: Number(field('avatar_version') ?? 0),
  });
}

/** The public shape of a userColumns row. */
export function userDtoFromRow(row: object, prefix: string): UserDto {
  return toUserDto(userFromRow(row, prefix));
}
