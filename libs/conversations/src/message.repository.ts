import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { joinUser, userColumns, userDtoFromRow } from '@harbour/accounts';
import type { UserDto } from '@harbour/contracts';

/** A message with its author's public columns. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  number: number;
  author_id: string;
  body: string;
  html: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  author: UserDto;
}

const COLUMNS = `m.id, m.conversation_id, m.number, m.author_id, m.body, m.html, m.created_at, m.edited_at, m.deleted_at, ${userColumns('a')}`;

function withAuthor(row: Record<string, unknown>): MessageRow {
  return { ...(row as unknown as MessageRow), author: userDtoFromRow(row, 'a_') };
}

/** Messages and their revisions: all SQL on `messages` and `message_revisions` lives here. */
@Injectable()
export class MessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A page of a conversation's messages in reading order, after the message numbered `afterNumber`. */
  async page(conversationId: string, afterNumber: number, limit: number): Promise<MessageRow[]> {
    const rows = await this.db().query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM messages m ${joinUser('a', 'm.author_id')}
        WHERE m.conversation_id = $1 AND m.number > $2 ORDER BY m.number LIMIT $3`,
      [conversationId, afterNumber, limit],
    );
    return rows.map(withAuthor);
  }

  /** The messages numbered `from` to `to` of a conversation (a reported one and those before it). */
  async range(conversationId: string, from: number, to: number): Promise<MessageRow[]> {
    const rows = await this.db().query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM messages m ${joinUser('a', 'm.author_id')}
        WHERE m.conversation_id = $1 AND m.number BETWEEN $2 AND $3 ORDER BY m.number`,
      [conversationId, from, to],
    );
    return rows.map(withAuthor);
  }

  async find(id: string, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<MessageRow | null> {
    const rows = await this.db(manager).query<Record<string, unknown>[]>(
      `SELECT ${COLUMNS} FROM messages m ${joinUser('a', 'm.author_id')} WHERE m.id = $1 ${options.lock ? 'FOR UPDATE OF m' : ''}`,
      [id],
    );
    return rows[0] ? withAuthor(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    input: { conversationId: string; number: number; authorId: string; body: string; html: string },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      'INSERT INTO messages (conversation_id, number, author_id, body, html) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [input.conversationId, input.number, input.authorId, input.body, input.html],
    );
    return rows[0]!.id;
  }

  /** Removes a reported message's words (a moderator's decision): it stays in its place as a tombstone. */
  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM message_revisions WHERE message_id = $1', [id]);
    await manager.query(`UPDATE messages SET body = '', html = '', deleted_at = coalesce(deleted_at, now()) WHERE id = $1`, [id]);
  }

  /** Replaces a message's body, keeping the one it had as a revision. */
  async rewrite(manager: EntityManager, message: MessageRow, next: { body: string; html: string }): Promise<void> {
    await manager.query(
      'INSERT INTO message_revisions (message_id, body, edited_at) VALUES ($1, $2, coalesce($3::timestamptz, $4::timestamptz))',
      [message.id, message.body, message.edited_at, message.created_at],
    );
    await manager.query('UPDATE messages SET body = $2, html = $3, edited_at = now() WHERE id = $1', [message.id, next.body, next.html]);
  }
}
