import type { Locale } from './accounts';

export const REGISTRATION_MODES = ['open', 'invite', 'approval'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const EMAIL_VERIFICATION = ['required', 'off'] as const;
/** `required`: new accounts sign in only after following the link mailed to them. */
export type EmailVerification = (typeof EMAIL_VERIFICATION)[number];

export interface RateLimitsDto {
  postsPerMinute: number;
  topicsPerDay: number;
  flagsPerDay: number;
  registrationsPerHourPerIp: number;
  loginAttemptsPerHourPerIp: number;
  /** Files one member may upload in an hour. */
  uploadsPerHour: number;
}

export const GROUP_CREATION = ['members', 'admins'] as const;
/** Who may create a group: any member (the default), or admins only. */
export type GroupCreation = (typeof GROUP_CREATION)[number];

export interface SettingsDto {
  siteName: string;
  /** One or two sentences about the site (home page, server pages' description); may be empty. */
  siteDescription: string;
  /** What a visitor sees before choosing a language. */
  defaultLocale: Locale;
  /** The logo's address (changes with each new logo), or null. */
  logoUrl: string | null;
  /** False until the first admin finishes the first-run setup (the client walks them through it). */
  setupDone: boolean;
  registrationMode: RegistrationMode;
  loginRequired: boolean;
  groupCreation: GroupCreation;
  newMemberReviewPosts: number;
  /** The sender named in a mailing's footer; empty means the site's name. */
  mailingSenderName: string;
  /** The postal address every mailing carries (CASL); mailings are refused while it is empty. */
  mailingAddress: string;
  rateLimits: RateLimitsDto;
  emailVerification: EmailVerification;
  /** Admins and moderators must use two-factor authentication. */
  staffTwoFactor: boolean;
  /** The largest file a member may upload, in megabytes (413 above). */
  uploadMaxMb: number;
  /** What one member's files may add up to, in megabytes; 0: no limit. */
  uploadQuotaMb: number;
  /** Where the quick exit leaves for (discreet mode, api.md 1.1): an http(s) address of a neutral page. */
  quickExitUrl: string;
}

/** What anyone may know about the site (`GET /api/site`), for the client's header and sign-up form. */
export interface SiteDto {
  siteName: string;
  siteDescription: string;
  defaultLocale: Locale;
  logoUrl: string | null;
  registrationMode: RegistrationMode;
  loginRequired: boolean;
  groupCreation: GroupCreation;
  emailVerification: EmailVerification;
  /** Staff act as members until they turn two-factor on: the client tells them so. */
  staffTwoFactor: boolean;
  /** The composer refuses a bigger file before sending it. */
  uploadMaxMb: number;
  /** Where the quick exit leaves for: every visitor's page offers it. */
  quickExitUrl: string;
}

export interface OutboxItemDto {
  id: string;
  to: string;
  subject: string;
  date: string;
}

// Request bodies (see accounts.ts): any setting may change alone.

export type UpdateRateLimitsBody = Partial<RateLimitsDto>;

export type UpdateSettingsBody = Partial<Omit<SettingsDto, 'rateLimits' | 'logoUrl'>> & { rateLimits?: UpdateRateLimitsBody };

/** `GET /api/site/logo?v=`: the version from `logoUrl` (the answer may be cached for good when it is current). */
export interface SiteLogoQuery {
  v?: number;
}
