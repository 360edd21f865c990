import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Locale, Role } from '@harbour/contracts';

/**
 * `pending` members registered while the site required admin approval and cannot sign in yet;
 * `suspended` members cannot sign in until `suspendedUntil` (their sessions stop working at once);
 * `banned` members cannot sign in again.
 */
export type UserStatus = 'active' | 'pending' | 'suspended' | 'banned';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As the member typed it; shown to others. */
  @Column({ type: 'varchar', length: 30 })
  username: string;

  /** Lower-cased username: uniqueness and look-ups ignore case. */
  @Column({ name: 'username_key', type: 'varchar', length: 30, unique: true })
  usernameKey: string;

  @Column({ name: 'display_name', type: 'varchar', length: 60 })
  displayName: string;

  /** Stored lower-cased; shown to the member themself and to admins only. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  role: Role;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: Locale;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** Until then the member may read but every write answers 403. */
  @Column({ name: 'silenced_until', type: 'timestamptz', nullable: true })
  silencedUntil: Date | null;

  /** The end of a suspension; the first sign-in after it makes the member active again. */
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil: Date | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;
}
