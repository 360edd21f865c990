import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { PasswordReset } from './password-reset.entity';
import { PasswordResetService } from './password-reset.service';
import { Session } from './session.entity';
import { SessionStrategy } from './session.strategy';
import { SiteInvitation } from './site-invitation.entity';
import { SiteInvitationsController } from './site-invitations.controller';
import { SiteInvitationsService } from './site-invitations.service';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';
import { UserRepository } from './user.repository';
import { MemberCallers } from './member-callers';

@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([User, Session, PasswordReset, SiteInvitation])],
  controllers: [AuthController, MeController, AdminUsersController, SiteInvitationsController],
  providers: [
    UserRepository,
    MemberCallers,
    AuthService,
    SessionsService,
    SessionStrategy,
    PasswordResetService,
    MeService,
    AdminUsersService,
    SiteInvitationsService,
  ],
  exports: [SessionsService, UserRepository, MemberCallers],
})
export class AccountsModule {}
