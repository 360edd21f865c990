import { IsBoolean, IsIn, IsString, Length, Matches, MaxLength, IsEmail } from 'class-validator';
import { CleanText, Optional, SafeText } from '@harbour/common';
import {
  GROUP_ROLES,
  GROUP_VISIBILITIES,
  type AcceptInvitationBody,
  type ChangeGroupRoleBody,
  type CreateGroupBody,
  type Exactly,
  type GroupRole,
  type GroupVisibility,
  type InviteBody,
  type JoinRequestBody,
  type UpdateGroupBody,
  type UpdateMembershipBody,
} from '@harbour/contracts';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export class CreateGroupDto implements Exactly<CreateGroupBody, CreateGroupDto> {
  @CleanText() @IsString() @Length(2, 80) @SafeText() name: string;
  @IsString() @Matches(SLUG, { message: 'slug must be 1 to 40 lower-case letters, digits and inner dashes' }) slug: string;
  @Optional() @CleanText() @IsString() @MaxLength(1000) @SafeText() description?: string;
  @IsIn(GROUP_VISIBILITIES) visibility: GroupVisibility;
}

export class UpdateGroupDto implements Exactly<UpdateGroupBody, UpdateGroupDto> {
  @Optional() @CleanText() @IsString() @Length(2, 80) @SafeText() name?: string;
  @Optional() @CleanText() @IsString() @MaxLength(1000) @SafeText() description?: string;
  @Optional() @IsIn(GROUP_VISIBILITIES) visibility?: GroupVisibility;
}

/** Exactly one of the two; the service says so when both or neither arrive. */
export class InviteDto implements Exactly<InviteBody, InviteDto> {
  @Optional() @IsString() @Length(1, 30) username?: string;
  @Optional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email?: string;
}

export class AcceptInvitationDto implements Exactly<AcceptInvitationBody, AcceptInvitationDto> {
  /** The one-use token of an emailed invitation (absent for an invitation by username). */
  @Optional() @IsString() @Length(1, 100) token?: string;
}

export class JoinRequestBodyDto implements Exactly<JoinRequestBody, JoinRequestBodyDto> {
  @Optional() @CleanText() @IsString() @MaxLength(500) @SafeText() message?: string;
}

export class ChangeGroupRoleDto implements Exactly<ChangeGroupRoleBody, ChangeGroupRoleDto> {
  @IsIn(GROUP_ROLES) role: GroupRole;
}

/** `PATCH /api/groups/:slug/membership`: whether the member's profile shows this group. */
export class UpdateMembershipDto implements Exactly<UpdateMembershipBody, UpdateMembershipDto> {
  @IsBoolean() hiddenOnProfile: boolean;
}
