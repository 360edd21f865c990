export { AccountsModule } from './accounts.module';
export { SessionsService } from './sessions.service';
export { TwoFactorService } from './two-factor.service';
export { User } from './user.entity';
export type { UserStatus } from './user.entity';
export { Session } from './session.entity';
export { PasswordReset } from './password-reset.entity';
export { SiteInvitation } from './site-invitation.entity';
export { EmailToken } from './email-token.entity';
export { RecoveryCode } from './recovery-code.entity';
export { UserBlock } from './user-block.entity';
export { UserAvatar } from './user-avatar.entity';
export { toUserDto } from './user.mapper';
export { MemberCallers } from './member-caller.repository';
export { MeParts } from './me-parts';
export type { MePart } from './me-parts';
export { MemberDirectory } from './member-directory.repository';
export type { MemberProfile } from './member-directory.repository';
export { UserRepository } from './user.repository';
export type { UserStanding } from './user.repository';
export {
  emailWorks,
  joinUser,
  userColumns,
  userContactColumns,
  userDtoFromRow,
  userExists,
  userFromRow,
  userHasUsername,
  userIsActive,
  userReceivesMailings,
} from './user-sql';
export type { UserColumnsRow } from './user-sql';
export { blockedAmong, blockedBy, blockedPairs, blockersOf, notBlockedBy } from './block-sql';
export { GROUP_ROLES_SQL } from './group-roles.port';
export type { GroupRolesSql } from './group-roles.port';
export { messageRecipients } from './recipient-sql';
export type { Recipient } from './recipient-sql';
export { siteStaffIds } from './staff-sql';
// A suspended member's appeal from the sign-in page (libs/moderation) checks credentials as sign-in does.
export { AuthService } from './auth.service';
export type { ClientInfo } from './auth.service';
export { Client } from './client-info.decorator';
