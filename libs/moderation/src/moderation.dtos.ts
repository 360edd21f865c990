import { Type } from 'class-transformer';
import { IsDate, IsIn, IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { CleanText, NoNul, Optional, PageQueryDto, SafeText, StorableDate } from '@harbour/common';
import {
  FLAG_REASONS,
  FLAG_TARGET_TYPES,
  RESOLUTIONS,
  SANCTION_TYPES,
  WATCHED_WORD_ACTIONS,
  type AddWatchedWordBody,
  type AppealBody,
  type CreateFlagBody,
  type CreateSanctionBody,
  type Exactly,
  type FlagReason,
  type FlagTargetType,
  type LogQuery,
  type NoteBody,
  type Parsed,
  type Resolution,
  type ResolveBody,
  type SanctionType,
  type SignInAppealBody,
  type WatchedWordAction,
} from '@harbour/contracts';

export class CreateFlagDto implements Exactly<CreateFlagBody, CreateFlagDto> {
  @IsIn(FLAG_TARGET_TYPES) targetType: FlagTargetType;
  @IsUUID('all', { message: 'targetId must be an id' }) targetId: string;
  @IsIn(FLAG_REASONS) reason: FlagReason;
  @Optional() @CleanText() @IsString() @MaxLength(1000) @SafeText() note?: string;
}

export class ResolveDto implements Exactly<ResolveBody, ResolveDto> {
  @IsIn(RESOLUTIONS) action: Resolution;
  @Optional() @CleanText() @IsString() @MaxLength(1000) @SafeText() note?: string;
  /** Markdown, as a post's body (lines and spacing are the author's; only NUL is refused). */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(50_000) @NoNul() body?: string;
  @Optional() @IsUUID('all', { message: 'categoryId must be an id' }) categoryId?: string;
}

export class CreateSanctionDto implements Exactly<Parsed<CreateSanctionBody, { until?: Date }>, CreateSanctionDto> {
  @IsIn(SANCTION_TYPES) type: SanctionType;
  @CleanText() @IsString() @Length(3, 1000) @SafeText() reason: string;
  @Optional() @Type(() => Date) @IsDate({ message: 'until must be a date (ISO 8601)' }) @StorableDate() until?: Date;
}

export class AppealDto implements Exactly<AppealBody, AppealDto> {
  @CleanText() @IsString() @Length(3, 2000) @SafeText() message: string;
}

export class SignInAppealDto implements Exactly<SignInAppealBody, SignInAppealDto> {
  @CleanText() @IsString() @Length(1, 254) @SafeText() login: string;
  @IsString() @Length(1, 200) @NoNul() password: string;
  @CleanText() @IsString() @Length(3, 2000) @SafeText() message: string;
}

export class NoteDto implements Exactly<NoteBody, NoteDto> {
  @CleanText() @IsString() @Length(1, 2000) @SafeText() body: string;
}

export class LogQueryDto extends PageQueryDto implements Exactly<LogQuery, LogQueryDto> {
  @Optional() @IsString() @MaxLength(40) action?: string;
  @Optional() @IsUUID('all', { message: 'actorId must be an id' }) actorId?: string;
  @Optional() @IsUUID('all', { message: 'targetId must be an id' }) targetId?: string;
  @Optional() @IsUUID('all', { message: 'memberId must be an id' }) memberId?: string;
}

export class AddWatchedWordDto implements Exactly<AddWatchedWordBody, AddWatchedWordDto> {
  @CleanText() @IsString() @Length(1, 100) @SafeText() word: string;
  @IsIn(WATCHED_WORD_ACTIONS) action: WatchedWordAction;
  /** Several lines (phone numbers, addresses): NUL refused, not line breaks. */
  @Optional() @CleanText() @IsString() @Length(1, 2000) @NoNul() response?: string;
  @Optional() @CleanText() @IsString() @Length(1, 2000) @NoNul() responseFr?: string;
}
