import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/**
 * A member's replies by email (`emails.json`: when each came and what it became, with the email as they sent it)
 * and their reply addresses, for the export and the deletion. Deleting or anonymizing an account deletes both:
 * a kept email's From line would name the member under a post kept as `deleted-<n>`.
 */
@Injectable()
export class MailRepliesMemberData implements MemberDataPart {
  readonly name = 'mail-replies';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const rows = await this.dataSource.query<
      { claimed_at: Date; post_id: string | null; conversation_message_id: string | null; raw: Buffer | null }[]
    >(`SELECT claimed_at, post_id, conversation_message_id, raw FROM email_originals WHERE user_id = $1 ORDER BY id`, [userId]);
    return {
      'emails.json': rows.map((row) => ({
        receivedAt: row.claimed_at.toISOString(),
        postId: row.post_id,
        messageId: row.conversation_message_id,
        email: row.raw?.toString('utf8') ?? null,
      })),
    };
  }

  async erase({ userId }: ErasedMember, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM email_originals WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM reply_addresses WHERE user_id = $1`, [userId]);
  }
}
