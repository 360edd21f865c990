import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { DomainEvents, ForbiddenError, isUuid, NotAuthenticatedError, NotFoundError } from '@harbour/common';
import type { SessionDto } from '@harbour/contracts';
import { MailService, passwordChangedMail } from '@harbour/mail';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { deviceLabel } from './device-label';
import { hashPassword, verifyPassword } from './password';
import { PasswordGuesses } from './password-guesses';
import { PasswordResetRepository } from './password-reset.repository';
import type { ChangePasswordDto } from './self-service.dtos';
import { SessionRepository } from './session.repository';
import type { User } from './user.entity';
import { UserRepository } from './user.repository';

/**
 * The member's own security: their password and where they are signed in. Every ended session is told to its
 * sockets (SessionsRevoked after the commit), so a revoked device stops hearing the forum at once.
 */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly resets: PasswordResetRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly mail: MailService,
    private readonly guesses: PasswordGuesses,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /**
   * Asks for the password again before a change that could lock the member out: a session left open on a
   * shared computer is not enough. Guesses count like sign-in attempts. A wrong password is a 403.
   */
  async confirmPassword(caller: Caller, password: string): Promise<User> {
    this.access.assertCan(caller, { action: 'account.secure' });
    await this.guesses.count(caller.userId);
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    if (!(await verifyPassword(user.passwordHash, password))) throw new ForbiddenError('password is wrong');
    return user;
  }

  /**
   * `POST /api/me/password`: the new password, every other session ended, any reset link spent, and the address
   * told (whoever holds a stolen session and the password cannot keep the account from its owner).
   */
  async changePassword(caller: Caller, dto: ChangePasswordDto): Promise<void> {
    const user = await this.confirmPassword(caller, dto.currentPassword);
    const passwordHash = await hashPassword(dto.newPassword);
    const { siteName } = await this.settings.get();
    const ended = await this.dataSource.transaction(async (manager) => {
      // A change racing the member's deletion waits for it, then stops: no mail to the erased address.
      if (!(await this.users.lockUnlessDeleted(caller.userId, manager))) throw new NotAuthenticatedError('Sign in first');
      await this.users.setPasswordHash(caller.userId, passwordHash, manager);
      await this.resets.spendAll(caller.userId, manager);
      await this.mail.enqueue(passwordChangedMail(user.email, user.locale, siteName, `${this.config.publicUrl}/forgot-password`), manager);
      return this.sessions.revokeAllBut(caller.userId, caller.sessionId, manager);
    });
    if (ended.length > 0) this.events.publish('SessionsRevoked', { userId: caller.userId, sessionIds: ended, reason: 'password_changed' });
  }

  async listSessions(caller: Caller): Promise<{ items: SessionDto[] }> {
    this.access.assertCan(caller, { action: 'account.secure' });
    const rows = await this.sessions.listLive(caller.userId);
    return {
      items: rows.map((session) => ({
        id: session.id,
        current: session.id === caller.sessionId,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastUsedAt.toISOString(),
        device: deviceLabel(session.userAgent),
      })),
    };
  }

  /** Ends one of the member's sessions (the current one too: that is signing out). Another's is a plain 404. */
  async endSession(caller: Caller, id: string): Promise<void> {
    const session = isUuid(id) ? await this.sessions.findLive(id) : null;
    if (!session || !this.access.can(caller, { action: 'session.end', session })) throw new NotFoundError();
    if (await this.sessions.revokeOwn(caller.userId, session.id)) {
      this.events.publish('SessionsRevoked', { userId: caller.userId, sessionIds: [session.id], reason: 'revoked' });
    }
  }

  /** Ends every session of the member but the one asking. */
  async endOtherSessions(caller: Caller): Promise<void> {
    this.access.assertCan(caller, { action: 'account.secure' });
    const ended = await this.sessions.revokeAllBut(caller.userId, caller.sessionId);
    if (ended.length > 0) this.events.publish('SessionsRevoked', { userId: caller.userId, sessionIds: ended, reason: 'revoked' });
  }
}
