import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { CleanText } from '@harbour/common';
import type { Exactly, PasswordBody, TwoFactorConfirmBody, TwoFactorDisableBody } from '@harbour/contracts';

/** A TOTP code, or a recovery code as shown (`xxxxx-xxxxx`; case, a space or no dash accepted). */
export const SECOND_FACTOR = /^(\d{6}|[0-9A-Za-z]{5}[- ]?[0-9A-Za-z]{5})$/;

export class TwoFactorStartDto implements Exactly<PasswordBody, TwoFactorStartDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class TwoFactorConfirmDto implements Exactly<TwoFactorConfirmBody, TwoFactorConfirmDto> {
  /** Only a code from the app proves the secret was entered in it. */
  @CleanText() @IsString() @Matches(/^\d{6}$/, { message: 'code must be a 6-digit code' }) code: string;
}

export class TwoFactorDisableDto implements Exactly<TwoFactorDisableBody, TwoFactorDisableDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
  /** A recovery code works too: a lost phone is when members most need to turn it off. */
  @CleanText() @IsString() @Matches(SECOND_FACTOR, { message: 'code must be a 6-digit code or a recovery code' }) code: string;
}
