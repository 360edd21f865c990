import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import type { ConsentMethod, Locale, SubscriberStatus } from '@harbour/contracts';

/**
 * An address on the mailing list, apart from member accounts (most of the 34,000 are not members). The
 * row outlives an unsubscribe: it is the suppression record that keeps an import or a group mailing from
 * writing to that address again.
 */
@Entity('subscribers')
@Check('subscribers_status', `status IN ('pending', 'subscribed', 'unsubscribed', 'bounced', 'complained')`)
@Check('subscribers_consent_method', `consent_method IN ('express', 'implied')`)
@Index('subscribers_newest', ['createdAt', 'id'])
export class Subscriber {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised (normalizeEmail): one row per mailbox whatever the spelling. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: Locale;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: SubscriberStatus;

  /** The consent record CASL asks a sender to keep: where, when and how the address agreed. */
  /** Null on a row that only records a refusal (a group's member who unsubscribed, a bounce). */
  @Column({ name: 'consent_source', type: 'varchar', length: 200, nullable: true })
  consentSource: string | null;

  @Column({ name: 'consent_at', type: 'timestamptz', precision: 3, nullable: true })
  consentAt: Date | null;

  @Column({ name: 'consent_method', type: 'varchar', length: 8, default: 'express' })
  consentMethod: ConsentMethod;

  /** Implied consent lapses; an expired address stays listed but receives nothing. */
  @Column({ name: 'consent_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  consentExpiresAt: Date | null;

  /** The member who subscribed from their account, when it is one. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** SHA-256 of the double opt-in link's token while the address is pending. */
  @Column({ name: 'confirmation_token_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  confirmationTokenHash: string | null;

  @Column({ name: 'confirmation_sent_at', type: 'timestamptz', precision: 3, nullable: true })
  confirmationSentAt: Date | null;

  /** When the status last changed: "unsubscribed since this mailing" counts from it. */
  @Column({ name: 'status_changed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  statusChangedAt: Date;

  /** The SMTP server's words when it refused the address for good. */
  @Column({ name: 'bounce_reason', type: 'varchar', length: 300, nullable: true })
  bounceReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
