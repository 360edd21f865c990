import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The key of each queued message that the SMTP server has accepted. A mail job can run twice (its worker
 * died after the send but before the job was marked done, and pg-boss retried it): the second run finds the
 * key here and sends nothing. Kept for two weeks, far beyond the last retry.
 */
@Entity('delivered_mail')
export class DeliveredMail {
  @PrimaryColumn('uuid')
  key!: string;

  @CreateDateColumn({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt!: Date;
}
