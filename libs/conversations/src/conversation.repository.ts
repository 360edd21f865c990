import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { joinUser, userColumns, userDtoFromRow } from '@harbour/accounts';
import type { SqlScope } from '@harbour/access';
import type { UserDto } from '@harbour/contracts';
import { groupManagerUserIds } from '@harbour/groups';
import type { ParticipantKind } from './conversation.entity';
import { joinOwnParticipation } from './conversation-sql';

/** Someone who sees a conversation: named in it, or (`viaGroup`) one of its group's current staff. */
export interface Participant {
  user: UserDto;
  viaGroup: boolean;
}

/** A conversation as its caller stands in it. */
export interface ConversationRow {
  id: string;
  subject: string;
  group_id: string | null;
  last_message_at: Date;
  message_count: number;
  /** The caller's own row: null when they have none (a group's staff member who never opened it). */
  my_kind: ParticipantKind | null;
  last_read_number: number;
  /** Members named in it (not staff reached through the group): what the limit of 20 counts. */
  named_count: number;
}

const ROW_COLUMNS = `c.id, c.subject, c.group_id, c.last_message_at, c.message_count, me.kind AS my_kind,
  coalesce(me.last_read_number, 0) AS last_read_number,
  (SELECT count(*)::int FROM conversation_participants nc WHERE nc.conversation_id = c.id AND nc.kind = 'participant') AS named_count`;

/** Conversations and their participants: all SQL on `conversations` and `conversation_participants` lives here. */
@Injectable()
export class ConversationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One conversation with the caller's standing in it (the access check is the caller's), or null. */
  async find(callerId: string, id: string, manager?: EntityManager): Promise<ConversationRow | null> {
    const rows = await this.db(manager).query<ConversationRow[]>(
      `SELECT ${ROW_COLUMNS} FROM conversations c ${joinOwnParticipation('me', 'c', '$1::uuid')} WHERE c.id = $2`,
      [callerId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * The caller's inbox, latest activity first: `scope` is access's visibleConversations over `c` and `me`.
   * `words`: only conversations whose subject or a message matches (the member's own search).
   */
  async list(
    callerId: string,
    scope: SqlScope,
    query: { after: { at: string; id: string } | null; limit: number; unread?: boolean; words?: string },
  ): Promise<ConversationRow[]> {
    const conditions = [
      ...(query.unread ? ['c.message_count > coalesce(me.last_read_number, 0)'] : []),
      ...(query.after ? ['(c.last_message_at, c.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))'] : []),
      ...(query.words
        ? [
            `(to_tsvector('simple', c.subject) @@ websearch_to_tsquery('simple', :words)
              OR EXISTS (SELECT 1 FROM messages sm WHERE sm.conversation_id = c.id AND sm.search_vector @@ websearch_to_tsquery('simple', :words)))`,
          ]
        : []),
    ];
    const sql = `SELECT ${ROW_COLUMNS} FROM conversations c ${joinOwnParticipation('me', 'c', ':callerId')}
      WHERE ${scope.where} ${conditions.map((condition) => `AND ${condition}`).join(' ')}
      ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${Math.max(1, Math.floor(query.limit))}`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, {
      ...scope.params,
      callerId,
      afterAt: query.after?.at,
      afterId: query.after?.id,
      words: query.words,
    });
    return this.db().query(text, values);
  }

  /** How many of the caller's conversations have messages they have not read. */
  async countUnread(callerId: string, scope: SqlScope): Promise<number> {
    const sql = `SELECT count(*)::int AS count FROM conversations c ${joinOwnParticipation('me', 'c', ':callerId')}
      WHERE ${scope.where} AND c.message_count > coalesce(me.last_read_number, 0)`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, { ...scope.params, callerId });
    const rows: { count: number }[] = await this.db().query(text, values);
    return rows[0]?.count ?? 0;
  }

  /**
   * Everyone who sees each conversation: the members named in it, and for a group inbox the group's
   * current owners and moderators who have not left it (`viaGroup`). One statement for a whole page.
   */
  async participants(ids: string[], manager?: EntityManager): Promise<Map<string, Participant[]>> {
    const byConversation = new Map<string, Participant[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byConversation;
    const rows = await this.db(manager).query<Record<string, unknown>[]>(
      `SELECT x.conversation_id, x.via_group, ${userColumns('u')} FROM (
         SELECT p.conversation_id, p.user_id, p.joined_at, FALSE AS via_group FROM conversation_participants p
          WHERE p.conversation_id = ANY($1::uuid[]) AND p.kind = 'participant'
         UNION
         SELECT c.id, gs.user_id, c.created_at, TRUE FROM conversations c
           JOIN LATERAL (${groupManagerUserIds('c.group_id')}) gs ON TRUE
          WHERE c.id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM conversation_participants l
                             WHERE l.conversation_id = c.id AND l.user_id = gs.user_id AND l.kind IN ('left', 'participant'))
       ) x ${joinUser('u', 'x.user_id')}
       ORDER BY x.joined_at, u.username_key`,
      [ids],
    );
    for (const row of rows) {
      byConversation.get(row.conversation_id as string)?.push({ user: userDtoFromRow(row, 'u_'), viaGroup: row.via_group === true });
    }
    return byConversation;
  }

  /** Everyone who sees the conversation now: the audience of its live events and notifications. */
  async audience(conversationId: string, manager?: EntityManager): Promise<string[]> {
    return ((await this.participants([conversationId], manager)).get(conversationId) ?? []).map(({ user }) => user.id);
  }

  async insert(manager: EntityManager, input: { subject: string; groupId: string | null; createdById: string }): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      'INSERT INTO conversations (subject, group_id, created_by_id) VALUES ($1, $2, $3) RETURNING id',
      [input.subject, input.groupId, input.createdById],
    );
    return rows[0]!.id;
  }

  /**
   * Names members in a conversation (or again, after they left). A staff member's row becomes a named one: they
   * stay when they stop being staff. Answers the ids that were not named before.
   */
  async name(manager: EntityManager, conversationId: string, userIds: string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `INSERT INTO conversation_participants (conversation_id, user_id, kind)
       SELECT $1, unnest($2::uuid[]), 'participant'
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET kind = 'participant'
         WHERE conversation_participants.kind <> 'participant'
       RETURNING user_id`,
      [conversationId, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  /** The caller leaves (a staff member too: they stop seeing it though they stay staff). */
  async leave(manager: EntityManager, conversationId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO conversation_participants (conversation_id, user_id, kind) VALUES ($1, $2, 'left')
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET kind = 'left'`,
      [conversationId, userId],
    );
  }

  /**
   * Counts a new message: the conversation's row lock makes concurrent messages take consecutive numbers.
   * Answers the new message's number.
   */
  async countMessage(manager: EntityManager, conversationId: string): Promise<number> {
    const rows: [{ message_count: number }[], number] = await manager.query(
      `UPDATE conversations SET message_count = message_count + 1, last_message_at = now() WHERE id = $1 RETURNING message_count`,
      [conversationId],
    );
    return rows[0][0]!.message_count;
  }

  /** Locks the conversation's row (adding someone: the count of 20 stays exact under concurrent adds). */
  async lock(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query('SELECT id FROM conversations WHERE id = $1 FOR UPDATE', [conversationId]);
  }

  /** Moves the member's read position forward (never back); a staff member's first read makes their row. */
  async markRead(
    manager: EntityManager | undefined,
    conversationId: string,
    userId: string,
    number: number,
    kind: ParticipantKind,
  ): Promise<void> {
    await this.db(manager).query(
      `INSERT INTO conversation_participants (conversation_id, user_id, kind, last_read_number) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id, user_id) DO UPDATE
         SET last_read_number = GREATEST(conversation_participants.last_read_number, EXCLUDED.last_read_number)
         WHERE conversation_participants.kind <> 'left'`,
      [conversationId, userId, kind, number],
    );
  }
}
