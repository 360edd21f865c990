import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type Repository } from 'typeorm';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { DomainEvents, hashToken, InvalidInputError, newToken } from '@harbour/common';
import { MailService, passwordResetMail } from '@harbour/mail';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { hashPassword } from './password';
import { PasswordReset } from './password-reset.entity';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

const VALID_FOR_MS = 60 * 60 * 1000;

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Mails a one-use link to the account with this address, if there is one. The answer is the same
   * either way, so the form cannot be used to learn who is a member.
   */
  async request(email: string, clientAddress: string): Promise<void> {
    const settings = await this.settings.get();
    await this.limiter.consume('password-reset', clientAddress, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    const user = await this.users.findOneBy({ email: email.toLowerCase(), status: 'active' });
    if (!user) return;
    const token = newToken();
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.users.manager.transaction(async (manager) => {
      await manager.insert(PasswordReset, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + VALID_FOR_MS),
      });
      await this.mail.enqueue(passwordResetMail(user.email, user.locale, settings.siteName, link), manager);
    });
  }

  /** Sets the new password, spends the token (and any other outstanding one), and signs out every device. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.users.manager.transaction(async (manager) => {
      const reset = await manager.findOne(PasswordReset, {
        where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset) throw new InvalidInputError('token is invalid or has expired');
      await manager.update(PasswordReset, { userId: reset.userId, usedAt: IsNull() }, { usedAt: new Date() });
      await manager.update(User, { id: reset.userId }, { passwordHash });
      await this.sessions.revokeAll(reset.userId, manager);
      return reset.userId;
    });
    this.events.publish('SessionsRevoked', { userId, sessionIds: 'all', reason: 'password_reset' });
  }
}
