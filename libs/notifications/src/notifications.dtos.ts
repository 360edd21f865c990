import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Optional, PageQueryDto } from '@harbour/common';
import {
  DIGEST_FREQUENCIES,
  NOTIFICATION_DELIVERIES,
  type DigestFrequency,
  type Exactly,
  type MarkReadBody,
  type NotificationDelivery,
  type NotificationType,
  type NotificationsQuery,
  type UnsubscribeBody,
  type UpdatePreferencesBody,
} from '@harbour/contracts';

export class NotificationsQueryDto extends PageQueryDto implements Exactly<NotificationsQuery, NotificationsQueryDto> {
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/** `{ ids }` or `{ all: true }`; the service refuses both or neither. */
export class MarkReadDto implements Exactly<MarkReadBody, MarkReadDto> {
  @Optional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'ids must be notification ids' })
  ids?: string[];

  @Optional() @Equals(true, { message: 'all must be true when given' }) all?: true;
}

const delivery = () => IsIn(NOTIFICATION_DELIVERIES, { message: `each delivery must be one of ${NOTIFICATION_DELIVERIES.join(', ')}` });

/** One optional field per type, so an unknown type is refused by the whitelist like any unknown field. */
export class DeliveriesDto implements Partial<Record<NotificationType, NotificationDelivery>> {
  @Optional() @delivery() reply?: NotificationDelivery;
  @Optional() @delivery() mention?: NotificationDelivery;
  @Optional() @delivery() quote?: NotificationDelivery;
  @Optional() @delivery() reaction?: NotificationDelivery;
  @Optional() @delivery() watched_topic_post?: NotificationDelivery;
  @Optional() @delivery() watched_category_topic?: NotificationDelivery;
  @Optional() @delivery() group_invitation?: NotificationDelivery;
  @Optional() @delivery() group_join_request?: NotificationDelivery;
  @Optional() @delivery() moderation?: NotificationDelivery;
  @Optional() @delivery() message?: NotificationDelivery;
  @Optional() @delivery() staff?: NotificationDelivery;
}

export class UpdatePreferencesDto implements Exactly<UpdatePreferencesBody, UpdatePreferencesDto> {
  @Optional() @ValidateNested() @Type(() => DeliveriesDto) deliveries?: DeliveriesDto;
  @Optional() @IsIn(DIGEST_FREQUENCIES, { message: `digest must be one of ${DIGEST_FREQUENCIES.join(', ')}` }) digest?: DigestFrequency;
  @Optional() @IsBoolean() discreetEmails?: boolean;
  @Optional() @IsBoolean() pushDetails?: boolean;
}

/**
 * The one-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form to the
 * link's URL, which carries the token; the web page posts `{ token }` as JSON.
 */
export class UnsubscribeDto implements Exactly<UnsubscribeBody, UnsubscribeDto> {
  @Optional() @IsString() @MaxLength(300) token?: string;
  @Optional() @IsString() @MaxLength(20) 'List-Unsubscribe'?: string;
}
