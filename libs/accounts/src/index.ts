export { AccountsModule } from './accounts.module';
export { SessionsService } from './sessions.service';
export { User } from './user.entity';
export type { UserStatus } from './user.entity';
export { Session } from './session.entity';
export { PasswordReset } from './password-reset.entity';
export { SiteInvitation } from './site-invitation.entity';
export { toUserDto } from './user.mapper';
export { MemberCallers } from './member-callers';
