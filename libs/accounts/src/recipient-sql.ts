import type { EntityManager } from 'typeorm';
import type { MessagesFrom } from '@harbour/contracts';
import { blockedBy } from './block-sql';
import { userColumns, userDtoFromRow } from './user-sql';
import type { UserDto } from '@harbour/contracts';

/** What deciding "may the caller write to this member?" needs (access's `member.message`), with the member. */
export interface Recipient {
  user: UserDto;
  messagesFrom: MessagesFrom;
  /** The member blocked the caller: never shown to the caller, only asked by the access rule. */
  blockedCaller: boolean;
  sharesGroup: boolean;
}

/**
 * Active members by id or by username (lower-cased keys), with their choice of who may write to them, whether
 * they blocked the caller, and whether they share a group with the caller (`sharesGroupSql`, groups' fragment:
 * accounts sits below groups). Unknown, pending, suspended and deleted members are simply not returned.
 */
export async function messageRecipients(
  db: EntityManager,
  callerId: string,
  wanted: { ids: string[] } | { usernameKeys: string[] },
  sharesGroupSql: (aSql: string, bSql: string) => string,
): Promise<Recipient[]> {
  const byIds = 'ids' in wanted;
  const rows = await db.query<Record<string, unknown>[]>(
    `SELECT ${userColumns('u')}, u.messages_from, ${blockedBy('u.id', '$1::uuid')} AS blocked_caller,
            ${sharesGroupSql('u.id', '$1::uuid')} AS shares_group
       FROM users u
      WHERE u.status = 'active' AND ${byIds ? 'u.id = ANY($2::uuid[])' : 'u.username_key = ANY($2::text[])'}`,
    [callerId, byIds ? wanted.ids : wanted.usernameKeys],
  );
  return rows.map((row) => ({
    user: userDtoFromRow(row, 'u_'),
    messagesFrom: row.messages_from as MessagesFrom,
    blockedCaller: row.blocked_caller === true,
    sharesGroup: row.shares_group === true,
  }));
}
