import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';

/**
 * One browser's web push subscription (api.md, Web push): where its push service takes messages for it and
 * the keys that encrypt them for that browser alone. An endpoint belongs to one member at a time.
 */
@Entity('push_subscriptions')
@Index(['userId'])
export class PushSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The push service's URL for this browser: a capability, never shown to anyone. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 2048 })
  endpoint: string;

  /** The browser's P-256 public key (base64url, 65 bytes). */
  @Column({ type: 'varchar', length: 100 })
  p256dh: string;

  /** The browser's authentication secret (base64url, 16 bytes). */
  @Column({ type: 'varchar', length: 40 })
  auth: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
