import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** After this long, a claim without its post was left by a crash: a redelivery of the email takes it over. */
const STALE_CLAIM_MINUTES = 5;

/** All SQL on `email_originals`. */
@Injectable()
export class EmailOriginals {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes an email for posting: its id, or null when this email was taken already (posted, or being posted by
   * another delivery right now). One statement, so of eight deliveries at once exactly one gets an id.
   */
  async claim(userId: string, messageKey: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO email_originals (user_id, message_key) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT email_originals_once DO UPDATE SET claimed_at = now()
        WHERE email_originals.post_id IS NULL AND email_originals.conversation_message_id IS NULL
          AND email_originals.claimed_at < now() - make_interval(mins => $3)
       RETURNING id`,
      [userId, messageKey, STALE_CLAIM_MINUTES],
    );
    return row?.id ?? null;
  }

  /** The email became this post or message; its text kept for staff (null: kept nowhere). */
  async settle(id: string, made: { postId: string } | { conversationMessageId: string }, raw: Buffer | null): Promise<void> {
    await this.dataSource.query(`UPDATE email_originals SET post_id = $2, conversation_message_id = $3, raw = $4 WHERE id = $1`, [
      id,
      'postId' in made ? made.postId : null,
      'conversationMessageId' in made ? made.conversationMessageId : null,
      raw,
    ]);
  }

  /** Nothing was posted (refused, or a failure to retry): a redelivery may try again. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM email_originals WHERE id = $1 AND post_id IS NULL AND conversation_message_id IS NULL`, [id]);
  }

  /** The email a post was written as, with when it came; null when it came otherwise or kept none. */
  async forPost(postId: string): Promise<{ raw: Buffer; receivedAt: Date } | null> {
    const [row] = await this.dataSource.query<{ raw: Buffer; claimed_at: Date }[]>(
      `SELECT raw, claimed_at FROM email_originals WHERE post_id = $1 AND raw IS NOT NULL`,
      [postId],
    );
    return row ? { raw: row.raw, receivedAt: row.claimed_at } : null;
  }
}
