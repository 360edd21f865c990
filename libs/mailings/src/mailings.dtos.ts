import { IsBoolean, IsDateString, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, ValidateBy } from 'class-validator';
import { CleanText, isUuid, NoNul, Optional, PageQueryDto, SafeText, StorableDate } from '@harbour/common';
import {
  LOCALES,
  SUBSCRIBER_STATUSES,
  SUPPRESSION_STATUSES,
  type CreateMailingBody,
  type Exactly,
  type Locale,
  type MailingAudience,
  type MySubscriptionBody,
  type OneClickBody,
  type PageQuery,
  type PreviewQuery,
  type SendMailingBody,
  type SubscribeBody,
  type SubscriberStatus,
  type SubscribersQuery,
  type SuppressSubscriberBody,
  type SuppressionStatus,
  type TestSendBody,
  type TokenQuery,
  type UpdateMailingBody,
} from '@harbour/contracts';

/** A mailing's body: long enough for a newsletter, short enough to render at once. */
const BODY_MAX = 100_000;

export class SubscribeDto implements Exactly<SubscribeBody, SubscribeDto> {
  // The address is checked (and normalised) by normalizeEmail in the service; here only its shape and size.
  @CleanText() @IsString() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @Optional() @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }) locale?: Locale;
}

export class TokenQueryDto implements Exactly<TokenQuery, TokenQueryDto> {
  @Optional() @IsString() @MaxLength(600) token?: string;
}

/** RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` as a form to the link, which carries the token. */
export class OneClickDto implements Exactly<OneClickBody, OneClickDto> {
  @Optional() @IsString() @MaxLength(600) token?: string;
  @Optional() @IsString() @MaxLength(20) 'List-Unsubscribe'?: string;
}

export class MySubscriptionDto implements Exactly<MySubscriptionBody, MySubscriptionDto> {
  @IsBoolean({ message: 'subscribed must be true or false' }) subscribed: boolean;
}

export class SubscribersQueryDto extends PageQueryDto implements Exactly<SubscribersQuery, SubscribersQueryDto> {
  @Optional() @CleanText() @IsString() @MaxLength(254) q?: string;
  @Optional()
  @IsIn(SUBSCRIBER_STATUSES, { message: `status must be one of ${SUBSCRIBER_STATUSES.join(', ')}` })
  status?: SubscriberStatus;
}

export class SuppressSubscriberDto implements Exactly<SuppressSubscriberBody, SuppressSubscriberDto> {
  @IsIn(SUPPRESSION_STATUSES, {
    message: `status must be one of ${SUPPRESSION_STATUSES.join(', ')} (an admin can stop mail, not start it)`,
  })
  status: SuppressionStatus;
}

function IsAudience(): PropertyDecorator {
  return ValidateBy({
    name: 'isAudience',
    validator: {
      validate: (value: unknown) =>
        value === 'subscribers' ||
        value === 'members' ||
        (typeof value === 'object' &&
          value !== null &&
          Object.keys(value).length === 1 &&
          typeof (value as { groupId?: unknown }).groupId === 'string' &&
          isUuid((value as { groupId: string }).groupId)),
      defaultMessage: () => 'audience must be "subscribers", "members" or { "groupId": "<a group id>" }',
    },
  });
}

export class CreateMailingDto implements Exactly<CreateMailingBody, CreateMailingDto> {
  @CleanText() @IsString() @Length(1, 200) @SafeText() subject: string;
  @IsString() @Length(1, BODY_MAX) @NoNul() body: string;
  @IsOptional() @CleanText() @IsString() @Length(1, 200) @SafeText() subjectFr?: string;
  @IsOptional() @IsString() @Length(1, BODY_MAX) @NoNul() bodyFr?: string;
  @IsAudience() audience: MailingAudience;
}

/** Every field of a draft may change; `subjectFr`/`bodyFr` null removes the French version. */
export class UpdateMailingDto implements Exactly<UpdateMailingBody, UpdateMailingDto> {
  @Optional() @CleanText() @IsString() @Length(1, 200) @SafeText() subject?: string;
  @Optional() @IsString() @Length(1, BODY_MAX) @NoNul() body?: string;
  @IsOptional() @CleanText() @IsString() @Length(1, 200) @SafeText() subjectFr?: string | null;
  @IsOptional() @IsString() @Length(1, BODY_MAX) @NoNul() bodyFr?: string | null;
  @Optional() @IsAudience() audience?: MailingAudience;
}

export class TestSendDto implements Exactly<TestSendBody, TestSendDto> {
  @CleanText() @IsString() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email: string;
  @Optional() @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }) locale?: Locale;
}

export class SendMailingDto implements Exactly<SendMailingBody, SendMailingDto> {
  @Optional() @IsDateString({ strict: true }, { message: 'at must be an ISO 8601 date and time' }) @StorableDate() at?: string;
}

export class PreviewQueryDto implements Exactly<PreviewQuery, PreviewQueryDto> {
  @Optional() @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }) locale?: Locale;
}

export class MailingsQueryDto extends PageQueryDto implements Exactly<PageQuery, MailingsQueryDto> {}
