import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EmailProblemKind } from '@harbour/contracts';

import type { Locale, MessagesFrom, Role } from '@harbour/contracts';

/**
 * `pending` members registered while the site required admin approval and cannot sign in yet;
 * `suspended` members cannot sign in until `suspendedUntil` (their sessions stop working at once);
 * `banned` members cannot sign in again;
 * `deleted` rows are what is left of an account its member deleted: a `deleted-<n>` name with nothing that
 * identified the person, kept only so that posts kept anonymously still have an author.
 */
export type UserStatus = 'active' | 'pending' | 'suspended' | 'banned' | 'deleted';

@Entity('users')
@Check('users_email_problem', `email_problem IN ('bounced', 'complained')`)
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

  @Column({ type: 'varchar', length: 40, default: '' })
  pronouns: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  bio: string;

  /** When the member followed a link sent to their current address; null until then. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /**
   * Set for accounts registered while the site required email verification: they may not sign in before
   * `emailVerifiedAt`. Accounts created while it was off are never locked out when it is turned on.
   */
  @Column({ name: 'must_verify_email', type: 'boolean', default: false })
  mustVerifyEmail: boolean;

  /** Who may start a private conversation with the member. */
  @Column({ name: 'messages_from', type: 'varchar', length: 16, default: 'everyone' })
  messagesFrom: MessagesFrom;

  /** Discreet mode (issue 20): the client shows a neutral title and icon and mail says nothing telling. */
  @Column({ type: 'boolean', default: false })
  discreet: boolean;

  /** The quick exit also signs the member out (the client sends the logout as it leaves). */
  @Column({ name: 'sign_out_on_quick_exit', type: 'boolean', default: false })
  signOutOnQuickExit: boolean;

  /** 0 while the member has no uploaded picture (a generated one is served); bumped on each upload so URLs change. */
  @Column({ name: 'avatar_version', type: 'int', default: 0 })
  avatarVersion: number;

  /**
   * The member's address stopped working: its server refused our mail for good (`bounced`), or the member
   * marked it as spam (`complained`). Nothing but account-security mail goes to it until they change it or
   * say it works again (issue 21).
   */
  @Column({ name: 'email_problem', type: 'varchar', length: 16, nullable: true })
  emailProblem: EmailProblemKind | null;

  @Column({ name: 'email_problem_at', type: 'timestamptz', precision: 3, nullable: true })
  emailProblemAt: Date | null;

  /** The TOTP secret, sealed with a key derived from SESSION_SECRET (libs/accounts two-factor); null when off. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  /** A secret offered by `POST /api/me/2fa` that becomes `totpSecret` once a code from it is confirmed. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true })
  totpPendingSecret: string | null;

  /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238, section 5.2). */
  @Column({ name: 'totp_last_step', type: 'int', nullable: true })
  totpLastStep: number | null;
}
