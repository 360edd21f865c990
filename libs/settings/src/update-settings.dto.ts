import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CleanText, SafeText } from '@harbour/common';
import { GROUP_CREATION, REGISTRATION_MODES, type GroupCreation, type RegistrationMode } from '@harbour/contracts';

/** Each limit: 0 turns it off; the ceiling only guards against typos. */
export class UpdateRateLimitsDto {
  @IsOptional() @IsInt() @Min(0) @Max(100000) postsPerMinute?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100000) topicsPerDay?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100000) flagsPerDay?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100000) registrationsPerHourPerIp?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100000) loginAttemptsPerHourPerIp?: number;
}

export class UpdateSettingsDto {
  @IsOptional() @IsString() @Length(1, 80) siteName?: string;
  @IsOptional() @IsIn(REGISTRATION_MODES) registrationMode?: RegistrationMode;
  @IsOptional() @IsBoolean() loginRequired?: boolean;
  @IsOptional() @IsIn(GROUP_CREATION) groupCreation?: GroupCreation;
  @IsOptional() @IsInt() @Min(0) @Max(50) newMemberReviewPosts?: number;
  @IsOptional() @CleanText() @IsString() @MaxLength(120) @SafeText() mailingSenderName?: string;
  @IsOptional() @CleanText() @IsString() @MaxLength(300) @SafeText() mailingAddress?: string;
  @IsOptional() @ValidateNested() @Type(() => UpdateRateLimitsDto) rateLimits?: UpdateRateLimitsDto;
}
