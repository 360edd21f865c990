import type { SelectQueryBuilder } from 'typeorm';

/*
 * SQL fragments for the libs that point at conversations and messages (notifications, moderation):
 * `conversations`, `conversation_participants` and `messages` are this lib's tables, so their names are
 * written here (README, "Each lib owns its tables").
 */

/** `<kind> conversations <alias> ON <on>`. */
export function joinConversation(alias: string, on: string, kind: 'JOIN' | 'LEFT JOIN' = 'JOIN'): string {
  return `${kind} conversations ${alias} ON ${on}`;
}

/** The member `userIdSql`'s own participant row of the conversation `conversationAlias`, as `alias` (LEFT JOIN). */
export function joinOwnParticipation(alias: string, conversationAlias: string, userIdSql: string): string {
  return `LEFT JOIN conversation_participants ${alias} ON ${alias}.conversation_id = ${conversationAlias}.id AND ${alias}.user_id = ${userIdSql}`;
}

/** The ids of the conversations the member `userIdSql` is named in (a subquery): what access's scope starts from. */
export function namedConversationIds(userIdSql: string): string {
  return `SELECT np.conversation_id FROM conversation_participants np WHERE np.user_id = ${userIdSql} AND np.kind = 'participant'`;
}

/** Joins a review target (`typeSql` 'message', `idSql`) to its message as `msg` (LEFT JOIN). */
export function joinMessageTarget<T extends object>(builder: SelectQueryBuilder<T>, typeSql: string, idSql: string): SelectQueryBuilder<T> {
  return builder.leftJoin('messages', 'msg', `${typeSql} = 'message' AND msg.id = ${idSql}`);
}
