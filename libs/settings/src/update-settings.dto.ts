import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, IsUrl, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CleanText, Optional, SafeText } from '@harbour/common';
import {
  EMAIL_VERIFICATION,
  GROUP_CREATION,
  LOCALES,
  REGISTRATION_MODES,
  type EmailVerification,
  type Exactly,
  type GroupCreation,
  type Locale,
  type RegistrationMode,
  type UpdateRateLimitsBody,
  type UpdateSettingsBody,
} from '@harbour/contracts';

/** A whole address with its scheme and host; no user:password@ (it would show on the next page's address bar). */
const QUICK_EXIT_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_host: true,
  require_tld: false,
  disallow_auth: true,
};

/** Each limit: 0 turns it off; the ceiling only guards against typos. */
export class UpdateRateLimitsDto implements Exactly<UpdateRateLimitsBody, UpdateRateLimitsDto> {
  @Optional() @IsInt() @Min(0) @Max(100000) postsPerMinute?: number;
  @Optional() @IsInt() @Min(0) @Max(100000) topicsPerDay?: number;
  @Optional() @IsInt() @Min(0) @Max(100000) flagsPerDay?: number;
  @Optional() @IsInt() @Min(0) @Max(100000) registrationsPerHourPerIp?: number;
  @Optional() @IsInt() @Min(0) @Max(100000) loginAttemptsPerHourPerIp?: number;
  @Optional() @IsInt() @Min(0) @Max(100000) uploadsPerHour?: number;
}

export class UpdateSettingsDto implements Exactly<UpdateSettingsBody, UpdateSettingsDto> {
  @Optional() @IsString() @Length(1, 80) siteName?: string;
  @Optional() @CleanText() @IsString() @MaxLength(500) @SafeText() siteDescription?: string;
  @Optional() @IsIn(LOCALES) defaultLocale?: Locale;
  @Optional() @IsBoolean() setupDone?: boolean;
  @Optional() @IsIn(REGISTRATION_MODES) registrationMode?: RegistrationMode;
  @Optional() @IsBoolean() loginRequired?: boolean;
  @Optional() @IsIn(GROUP_CREATION) groupCreation?: GroupCreation;
  @Optional() @IsInt() @Min(0) @Max(50) newMemberReviewPosts?: number;
  @Optional() @CleanText() @IsString() @MaxLength(120) @SafeText() mailingSenderName?: string;
  @Optional() @CleanText() @IsString() @MaxLength(300) @SafeText() mailingAddress?: string;
  @Optional() @ValidateNested() @Type(() => UpdateRateLimitsDto) rateLimits?: UpdateRateLimitsDto;
  @Optional() @IsIn(EMAIL_VERIFICATION) emailVerification?: EmailVerification;
  @Optional() @IsBoolean() staffTwoFactor?: boolean;
  /** Files are held in memory while they are checked and re-encoded: 100 MB is the ceiling. */
  @Optional() @IsInt() @Min(1) @Max(100) uploadMaxMb?: number;
  @Optional() @IsInt() @Min(0) @Max(1_000_000) uploadQuotaMb?: number;
  /** Only a plain http(s) address leaves the site: never javascript:, data: or a relative path. */
  @Optional()
  @IsString()
  @MaxLength(500)
  @IsUrl(QUICK_EXIT_URL, { message: 'quickExitUrl must be an http:// or https:// address' })
  quickExitUrl?: string;
}
