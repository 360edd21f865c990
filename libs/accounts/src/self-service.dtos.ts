import { IsEmail, IsNotEmpty, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { ChangeEmailBody, ChangePasswordBody, Exactly, VerifyEmailBody } from '@harbour/contracts';
import { CleanText } from '@harbour/common';
import { DELETED_ADDRESS, DELETED_ADDRESS_RULE } from './deleted-names';

export class ChangePasswordDto implements Exactly<ChangePasswordBody, ChangePasswordDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @IsString() @Length(8, 200, { message: 'newPassword must be 8 to 200 characters long' }) newPassword: string;
}

export class ChangeEmailDto implements Exactly<ChangeEmailBody, ChangeEmailDto> {
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
  @CleanText()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  @Matches(DELETED_ADDRESS, { message: DELETED_ADDRESS_RULE })
  email: string;
}

export class VerifyEmailDto implements Exactly<VerifyEmailBody, VerifyEmailDto> {
  @IsString() @IsNotEmpty() @MaxLength(100) token: string;
}
