import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/** The subject of a conversation whose starter deleted their account with their words. */
export const DELETED_SUBJECT = '[deleted]';

interface ExportRow {
  id: string;
  subject: string;
  created_at: Date;
  started: boolean;
  messages: { id: string; number: number; createdAt: string; editedAt: string | null; markdown: string; revisions: unknown[] }[];
}

/**
 * What conversations hold about a member, for the export and the deletion (README, "Leaving"). The export
 * is the member's side only: their own messages and the subjects of the conversations they were in, never
 * what the others wrote (that is the others' data).
 */
@Injectable()
export class ConversationsMemberData implements MemberDataPart {
  readonly name = 'conversations';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const rows = await this.dataSource.manager.query<ExportRow[]>(
      `SELECT c.id, c.subject, c.created_at, c.created_by_id = $1 AS started,
              coalesce((SELECT json_agg(json_build_object(
                          'id', m.id, 'number', m.number, 'createdAt', m.created_at, 'editedAt', m.edited_at, 'markdown', m.body,
                          'revisions', coalesce((SELECT json_agg(json_build_object('markdown', r.body, 'until', r.edited_at) ORDER BY r.edited_at)
                                                   FROM message_revisions r WHERE r.message_id = m.id), '[]'))
                          ORDER BY m.number)
                          FROM messages m WHERE m.conversation_id = c.id AND m.author_id = $1), '[]') AS messages
         FROM conversations c
        WHERE c.id IN (SELECT conversation_id FROM conversation_participants WHERE user_id = $1)
           OR c.id IN (SELECT conversation_id FROM messages WHERE author_id = $1)
        ORDER BY c.created_at`,
      [userId],
    );
    return {
      'conversations.json': {
        conversations: rows.map((row) => ({
          id: row.id,
          subject: row.subject,
          startedAt: row.created_at,
          startedByYou: row.started,
          yourMessages: row.messages,
        })),
      },
    };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<void> {
    const { userId } = member;
    // Edit history goes in both modes: an earlier body may hold what the member removed because it said who they are.
    await manager.query('DELETE FROM message_revisions WHERE message_id IN (SELECT id FROM messages WHERE author_id = $1)', [userId]);
    if (member.posts === 'delete') {
      await manager.query(`UPDATE messages SET body = '', html = '', deleted_at = coalesce(deleted_at, now()) WHERE author_id = $1`, [
        userId,
      ]);
      // A subject is the starter's own words as much as a message.
      await manager.query('UPDATE conversations SET subject = $2 WHERE created_by_id = $1', [userId, DELETED_SUBJECT]);
    }
    // They take part in nothing any more; the others keep the conversation (and, anonymized, the words).
    await manager.query('DELETE FROM conversation_participants WHERE user_id = $1', [userId]);
  }
}
