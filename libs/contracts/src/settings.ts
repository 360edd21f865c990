export const REGISTRATION_MODES = ['open', 'invite', 'approval'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export interface RateLimitsDto {
  postsPerMinute: number;
  topicsPerDay: number;
  flagsPerDay: number;
  registrationsPerHourPerIp: number;
  loginAttemptsPerHourPerIp: number;
}

export interface SettingsDto {
  siteName: string;
  registrationMode: RegistrationMode;
  loginRequired: boolean;
  newMemberReviewPosts: number;
  rateLimits: RateLimitsDto;
}

/** What anyone may know about the site (`GET /api/site`), for the client's header and sign-up form. */
export interface SiteDto {
  siteName: string;
  registrationMode: RegistrationMode;
  loginRequired: boolean;
}

export interface OutboxItemDto {
  id: string;
  to: string;
  subject: string;
  date: string;
}
