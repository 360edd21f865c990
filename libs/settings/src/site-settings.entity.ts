import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { EmailVerification, GroupCreation, Locale, RateLimitsDto, RegistrationMode } from '@harbour/contracts';

export type RateLimits = RateLimitsDto;

/** Safe defaults for a public site; 0 turns a limit off. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  postsPerMinute: 10,
  topicsPerDay: 20,
  flagsPerDay: 20,
  // A drop-in workshop signs up ten or more people from one Wi-Fi: 5 an hour turned half of them away.
  registrationsPerHourPerIp: 30,
  loginAttemptsPerHourPerIp: 20,
  uploadsPerHour: 30,
};

/** A search engine's front page: the most ordinary page a phone shows, in either language. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.google.com/';

/** The one row of settings admins change at run time (the migration inserts it). */
@Entity('site_settings')
@Check('site_settings_single_row', 'id = 1')
export class SiteSettings {
  @PrimaryColumn({ type: 'int', default: 1 })
  id: number;

  @Column({ name: 'site_name', type: 'varchar', length: 80, default: 'Harbour' })
  siteName: string;

  /** One or two sentences about the site: the home page, server pages' description, invitations. */
  @Column({ name: 'site_description', type: 'varchar', length: 500, default: '' })
  siteDescription: string;

  /** The language a visitor sees before choosing one, and new accounts' language when they send none. */
  @Column({ name: 'default_locale', type: 'varchar', length: 2, default: 'en' })
  defaultLocale: Locale;

  /**
   * Positive: the current logo's version, in its URL so browsers may keep it for good. Zero or negative: no logo
   * (the magnitude still grows with each change, so a URL is never reused).
   */
  @Column({ name: 'logo_version', type: 'int', default: 0 })
  logoVersion: number;

  /** False until the first admin finishes (or skips) the first-run setup walk-through. */
  @Column({ name: 'setup_done', type: 'boolean', default: false })
  setupDone: boolean;

  @Column({ name: 'registration_mode', type: 'varchar', length: 16, default: 'open' })
  registrationMode: RegistrationMode;

  @Column({ name: 'login_required', type: 'boolean', default: false })
  loginRequired: boolean;

  @Column({ name: 'group_creation', type: 'varchar', length: 16, default: 'members' })
  groupCreation: GroupCreation;

  /** How many of a new member's first posts are held for review; 0 holds none. */
  @Column({ name: 'new_member_review_posts', type: 'int', default: 0 })
  newMemberReviewPosts: number;

  /** The sender a mailing names in its footer (CASL); empty means the site's name. */
  @Column({ name: 'mailing_sender_name', type: 'varchar', length: 120, default: '' })
  mailingSenderName: string;

  /** The sender's mailing address, which CASL requires in every mailing; no mailing is sent without it. */
  @Column({ name: 'mailing_address', type: 'varchar', length: 300, default: '' })
  mailingAddress: string;

  /** No column default (jsonb defaults drift in comparison); the Init migration writes DEFAULT_RATE_LIMITS. */
  @Column({ name: 'rate_limits', type: 'jsonb' })
  rateLimits: RateLimits;

  /** `required`: a new account signs in only after following the link mailed to it (the first account aside). */
  @Column({ name: 'email_verification', type: 'varchar', length: 16, default: 'required' })
  emailVerification: EmailVerification;

  /** Admins and moderators must turn on two-factor authentication before they can act as staff. */
  @Column({ name: 'staff_two_factor', type: 'boolean', default: false })
  staffTwoFactor: boolean;

  /** The largest upload in megabytes (api.md: default 8). */
  @Column({ name: 'upload_max_mb', type: 'int', default: 8 })
  uploadMaxMb: number;

  /** What one member's files may add up to, in megabytes; 0 turns the quota off. */
  @Column({ name: 'upload_quota_mb', type: 'int', default: 500 })
  uploadQuotaMb: number;

  /** Where the quick exit leaves for (discreet mode): a neutral page nobody would wonder about. */
  @Column({ name: 'quick_exit_url', type: 'varchar', length: 500, default: DEFAULT_QUICK_EXIT_URL })
  quickExitUrl: string;
}
