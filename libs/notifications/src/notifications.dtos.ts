import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@harbour/common';
import {
  DIGEST_FREQUENCIES,
  NOTIFICATION_DELIVERIES,
  type DigestFrequency,
  type NotificationDelivery,
  type NotificationType,
} from '@harbour/contracts';

export class NotificationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/** `{ ids }` or `{ all: true }`; the service refuses both or neither. */
export class MarkReadDto {
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'ids must be notification ids' })
  ids?: string[];

  @IsOptional() @Equals(true, { message: 'all must be true when given' }) all?: true;
}

const delivery = () => IsIn(NOTIFICATION_DELIVERIES, { message: `each delivery must be one of ${NOTIFICATION_DELIVERIES.join(', ')}` });

/** One optional field per type, so an unknown type is refused by the whitelist like any unknown field. */
export class DeliveriesDto implements Partial<Record<NotificationType, NotificationDelivery>> {
  @IsOptional() @delivery() reply?: NotificationDelivery;
  @IsOptional() @delivery() mention?: NotificationDelivery;
  @IsOptional() @delivery() quote?: NotificationDelivery;
  @IsOptional() @delivery() reaction?: NotificationDelivery;
  @IsOptional() @delivery() watched_topic_post?: NotificationDelivery;
  @IsOptional() @delivery() watched_category_topic?: NotificationDelivery;
  @IsOptional() @delivery() group_invitation?: NotificationDelivery;
  @IsOptional() @delivery() group_join_request?: NotificationDelivery;
  @IsOptional() @delivery() moderation?: NotificationDelivery;
}

export class UpdatePreferencesDto {
  @IsOptional() @ValidateNested() @Type(() => DeliveriesDto) deliveries?: DeliveriesDto;
  @IsOptional() @IsIn(DIGEST_FREQUENCIES, { message: `digest must be one of ${DIGEST_FREQUENCIES.join(', ')}` }) digest?: DigestFrequency;
  @IsOptional() @IsBoolean() discreetEmails?: boolean;
}

/**
 * The one-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form to the
 * link's URL, which carries the token; the web page posts `{ token }` as JSON.
 */
export class UnsubscribeDto {
  @IsOptional() @IsString() @MaxLength(300) token?: string;
  @IsOptional() @IsString() @MaxLength(20) 'List-Unsubscribe'?: string;
}
