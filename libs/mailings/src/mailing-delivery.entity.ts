import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Locale } from '@harbour/contracts';
import { Mailing } from './mailing.entity';

/**
 * What happened to one recipient of one mailing. queued → sending (committed before the message is handed
 * to SMTP) → sent; a temporary refusal goes back to queued with a later `next_attempt_at`; a permanent one
 * is bounced. A report received later may turn a sent row `bounced` (a delivery status notification) or
 * `complained` (a feedback report). A row found in `sending` by the next sender was being handed over when its worker died: it
 * becomes `interrupted` and is never retried, so nobody receives a mailing twice.
 */
@Entity('mailing_deliveries')
@Unique('mailing_deliveries_once', ['mailingId', 'email'])
@Check('mailing_deliveries_status', `status IN ('queued', 'sending', 'sent', 'failed', 'interrupted', 'bounced', 'complained')`)
@Index('mailing_deliveries_due', ['mailingId', 'nextAttemptAt', 'id'], { where: `status = 'queued'` })
@Index('mailing_deliveries_by_status', ['mailingId', 'status'])
export class MailingDelivery {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'mailing_id', type: 'uuid' })
  mailingId: string;

  @ManyToOne(() => Mailing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailing_id' })
  mailing?: Mailing;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 8 })
  locale: Locale;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'interrupted' | 'bounced' | 'complained';

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  /**
   * When a report said this copy failed for now (a full mailbox, a server down for days). One copy counts once
   * however often it is reported; three such copies to one address suppress it as `bounced`.
   */
  @Column({ name: 'soft_bounced_at', type: 'timestamptz', precision: 3, nullable: true })
  softBouncedAt: Date | null;
}
