import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashToken } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { JobQueue } from '@harbour/jobs';

/** How long an email's reply address takes replies: a member answering a month-old email still can. */
export const REPLY_ADDRESS_DAYS = 60;
const PRUNE_REPLY_ADDRESSES_JOB = 'mail.prune-reply-addresses';

/** Where a reply by email goes. */
export type ReplyTarget = { topicId: string } | { conversationId: string };

/** A reply address as found: whose, where to, and whether it is past its time. */
export interface OpenedReplyAddress {
  userId: string;
  topicId: string | null;
  conversationId: string | null;
  expired: boolean;
}

/**
 * Reply addresses (reply+<token>@REPLY_DOMAIN) for the emails members can answer. A token is 130 random bits in
 * lower-case base32 (26 characters: a mail server may lower-case the local part), stored as its SHA-256.
 */
@Injectable()
export class ReplyAddresses {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    jobs: JobQueue,
  ) {
    // Expired rows only say "this address has expired" for a while; after as long again they go.
    jobs.define({ name: PRUNE_REPLY_ADDRESSES_JOB, retryLimit: 1, retryDelay: 600 });
    jobs.handle(PRUNE_REPLY_ADDRESSES_JOB, () => this.prune());
    jobs.schedule(PRUNE_REPLY_ADDRESSES_JOB, '41 4 * * *');
  }

  /** A new reply address for `userId` into `target`, written in the email's transaction; null when REPLY_DOMAIN is not set. */
  async issue(manager: EntityManager, userId: string, target: ReplyTarget): Promise<string | null> {
    if (!this.config.replyDomain) return null;
    const token = base32(randomBytes(17)).slice(0, 26);
    await manager.query(
      `INSERT INTO reply_addresses (token_hash, user_id, topic_id, conversation_id, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
      [
        hashToken(token),
        userId,
        'topicId' in target ? target.topicId : null,
        'conversationId' in target ? target.conversationId : null,
        REPLY_ADDRESS_DAYS,
      ],
    );
    return `reply+${token}@${this.config.replyDomain}`;
  }

  /** The address a token was issued as, or null when there is no such token (forged, mistyped, or long expired). */
  async open(token: string): Promise<OpenedReplyAddress | null> {
    if (!/^[a-z2-7]{26}$/.test(token)) return null;
    const [row] = await this.dataSource.query<
      { user_id: string; topic_id: string | null; conversation_id: string | null; expired: boolean }[]
    >(`SELECT user_id, topic_id, conversation_id, expires_at < now() AS expired FROM reply_addresses WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    return row ? { userId: row.user_id, topicId: row.topic_id, conversationId: row.conversation_id, expired: row.expired } : null;
  }

  private async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM reply_addresses WHERE expires_at < now() - make_interval(days => $1)`, [REPLY_ADDRESS_DAYS]);
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower-case, without padding. */
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}
