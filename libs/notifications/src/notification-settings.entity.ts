import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import type { DigestFrequency, NotificationDelivery, NotificationType } from '@harbour/contracts';

/** A member's choices about notifications; no row means the defaults (see notification-preferences.ts). */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Only the types the member changed; the others follow the defaults, which may improve over time. */
  @Column({ type: 'jsonb', default: {} })
  deliveries: Partial<Record<NotificationType, NotificationDelivery>>;

  @Column({ type: 'varchar', length: 8, default: 'off' })
  digest: DigestFrequency;

  @Column({ name: 'discreet_emails', type: 'boolean', default: false })
  discreetEmails: boolean;

  /** Pushes say who did what where; off: "New activity" and nothing more (api.md, Web push). */
  @Column({ name: 'push_details', type: 'boolean', default: false })
  pushDetails: boolean;

  @Column({ name: 'last_digest_at', type: 'timestamptz', precision: 3, nullable: true })
  lastDigestAt: Date | null;
}
