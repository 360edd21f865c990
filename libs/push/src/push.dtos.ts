import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { Exactly, PushSubscriptionBody } from '@harbour/contracts';

/** A browser's keys as `PushSubscription.toJSON()` gives them: base64url, unpadded or padded. */
export class PushKeysDto {
  /** A P-256 public key: 65 bytes. */
  @IsString({ message: 'keys.p256dh must be a string' })
  @Matches(/^[A-Za-z0-9_-]{87}=?$/, { message: 'keys.p256dh must be a base64url P-256 public key (65 bytes)' })
  p256dh: string;

  /** The authentication secret: 16 bytes. */
  @IsString({ message: 'keys.auth must be a string' })
  @Matches(/^[A-Za-z0-9_-]{22}(==)?$/, { message: 'keys.auth must be a base64url secret of 16 bytes' })
  auth: string;
}

export class PushSubscriptionDto implements Exactly<PushSubscriptionBody, PushSubscriptionDto> {
  @IsString({ message: 'endpoint must be a URL' })
  @MaxLength(2048, { message: 'endpoint must be at most 2048 characters' })
  endpoint: string;

  @IsDefined({ message: 'keys must be an object with p256dh and auth' })
  @IsObject({ message: 'keys must be an object with p256dh and auth' })
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys: PushKeysDto;
}
