import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountSecurityService } from './account-security.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminAccountsService } from './admin-accounts.service';
import { AdminUsersService } from './admin-users.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AvatarRepository } from './avatar.repository';
import { AvatarsController } from './avatars.controller';
import { AvatarsService } from './avatars.service';
import { BlockRepository } from './block.repository';
import { BlocksController } from './blocks.controller';
import { BlocksService } from './blocks.service';
import { EmailController } from './email.controller';
import { EmailTokenRepository } from './email-token.repository';
import { EmailVerificationService } from './email-verification.service';
import { MeController } from './me.controller';
import { MeParts } from './me-parts';
import { MeService } from './me.service';
import { MemberCallers } from './member-caller.repository';
import { MemberDirectory } from './member-directory.repository';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';
import { SessionRepository } from './session.repository';
import { SessionStrategy } from './session.strategy';
import { SessionsService } from './sessions.service';
import { SiteInvitationRepository } from './site-invitation.repository';
import { StaffTwoFactorCheck } from './staff-two-factor.check';
import { SiteInvitationsController } from './site-invitations.controller';
import { SiteInvitationsService } from './site-invitations.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';
import { LeavingController, AdminLeavingController } from './leaving.controller';
import { LeavingService } from './leaving.service';
import { AccountsMemberData } from './member-data.repository';
import { PasswordGuesses } from './password-guesses';
import { UserRepository } from './user.repository';

@Module({
  imports: [PassportModule],
  controllers: [
    AuthController,
    MeController,
    AvatarsController,
    AdminUsersController,
    SiteInvitationsController,
    TwoFactorController,
    BlocksController,
    LeavingController,
    AdminLeavingController,
    EmailController,
  ],
  providers: [
    UserRepository,
    PasswordGuesses,
    EmailTokenRepository,
    EmailVerificationService,
    AccountSecurityService,
    AvatarRepository,
    AvatarsService,
    MemberDirectory,
    SessionRepository,
    PasswordResetRepository,
    SiteInvitationRepository,
    MemberCallers,
    AuthService,
    SessionsService,
    SessionStrategy,
    PasswordResetService,
    MeService,
    MeParts,
    AdminUsersService,
    AdminAccountsService,
    SiteInvitationsService,
    TwoFactorRepository,
    TwoFactorService,
    StaffTwoFactorCheck,
    BlockRepository,
    BlocksService,
    AccountsMemberData,
    LeavingService,
  ],
  exports: [SessionsService, UserRepository, MemberCallers, MemberDirectory, TwoFactorService, AuthService, MeParts],
})
export class AccountsModule {}
