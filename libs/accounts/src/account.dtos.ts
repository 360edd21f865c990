import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  LOCALES,
  MESSAGES_FROM,
  ROLES,
  type CreateAccountBody,
  type CreateSiteInvitationBody,
  type Exactly,
  type ListUsersQuery,
  type Locale,
  type LoginBody,
  type MessagesFrom,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type RegisterBody,
  type Role,
  type UpdateMeBody,
  type UpdateUserRoleBody,
} from '@harbour/contracts';
import { CleanText, Optional, PageQueryDto, SafeText } from '@harbour/common';
import { DELETED_ADDRESS, DELETED_ADDRESS_RULE, DELETED_USERNAME, DELETED_USERNAME_RULE } from './deleted-names';
import { SECOND_FACTOR } from './two-factor.dtos';

/** ASCII only on purpose: look-alike letters from other scripts must not impersonate a member. */
const USERNAME = /^[A-Za-z0-9_.-]{3,30}$/;
const USERNAME_RULE = 'username must be 3 to 30 characters: letters, digits, _, - or .';

export class RegisterDto implements Exactly<RegisterBody, RegisterDto> {
  @CleanText()
  @IsString()
  @Matches(USERNAME, { message: USERNAME_RULE })
  @Matches(DELETED_USERNAME, { message: DELETED_USERNAME_RULE })
  username: string;
  @CleanText()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  @Matches(DELETED_ADDRESS, { message: DELETED_ADDRESS_RULE })
  email: string;
  @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters long' }) password: string;
  @Optional() @IsIn(LOCALES) locale?: Locale;
  /** The token of a site invitation, required while registration is by invitation only. */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(100) invitation?: string;
}

export class LoginDto implements Exactly<LoginBody, LoginDto> {
  /** A username or an email address. */
  @CleanText() @IsString() @IsNotEmpty() @MaxLength(254) login: string;
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
  @Optional() @CleanText() @IsString() @Matches(SECOND_FACTOR, { message: 'totp must be a 6-digit code or a recovery code' }) totp?: string;
}

export class PasswordResetRequestDto implements Exactly<PasswordResetRequestBody, PasswordResetRequestDto> {
  @CleanText() @IsString() @MaxLength(254) @IsEmail({}, { message: 'email must be an email address' }) email: string;
}

export class PasswordResetConfirmDto implements Exactly<PasswordResetConfirmBody, PasswordResetConfirmDto> {
  @IsString() @IsNotEmpty() @MaxLength(100) token: string;
  @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters long' }) password: string;
}

export class UpdateMeDto implements Exactly<UpdateMeBody, UpdateMeDto> {
  @Optional() @CleanText() @IsString() @Length(1, 60) @SafeText() displayName?: string;
  /** Empty clears it. */
  @Optional() @CleanText() @IsString() @MaxLength(40) @SafeText() pronouns?: string;
  @Optional() @CleanText() @IsString() @MaxLength(1000) @SafeText() bio?: string;
  @Optional() @IsIn(LOCALES) locale?: Locale;
  @Optional() @IsIn(MESSAGES_FROM) messagesFrom?: MessagesFrom;
  @Optional() @IsBoolean() discreet?: boolean;
  @Optional() @IsBoolean() signOutOnQuickExit?: boolean;
}

export class UpdateUserRoleDto implements Exactly<UpdateUserRoleBody, UpdateUserRoleDto> {
  @IsIn(ROLES) role: Role;
}

export class CreateSiteInvitationDto implements Exactly<CreateSiteInvitationBody, CreateSiteInvitationDto> {
  /** Mail the link here; without it, the admin shares the returned link themself. */
  @Optional() @CleanText() @IsString() @MaxLength(254) @IsEmail({}, { message: 'email must be an email address' }) email?: string;
  @Optional() @IsIn(LOCALES) locale?: Locale;
  /** How many accounts the link may open (an event's link: everyone in the room); 1 for a mailed link. */
  @Optional() @IsInt() @Min(1) @Max(1000) uses?: number;
  /** Days until the link stops working (default 14). */
  @Optional() @IsInt() @Min(1) @Max(90) validDays?: number;
}

export class CreateAccountDto implements Exactly<CreateAccountBody, CreateAccountDto> {
  @CleanText()
  @IsString()
  @Matches(USERNAME, { message: USERNAME_RULE })
  @Matches(DELETED_USERNAME, { message: DELETED_USERNAME_RULE })
  username: string;
  @CleanText()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  @Matches(DELETED_ADDRESS, { message: DELETED_ADDRESS_RULE })
  email: string;
  @Optional() @IsIn(LOCALES) locale?: Locale;
}

export class ListUsersQueryDto extends PageQueryDto implements Exactly<ListUsersQuery, ListUsersQueryDto> {
  /** Part of a username or an email address. */
  @Optional() @CleanText() @IsString() @MaxLength(100) q?: string;
}
