import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { DomainEvents, hashToken, InvalidInputError, newToken } from '@harbour/common';
import { MailService, passwordResetMail } from '@harbour/mail';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { hashPassword } from './password';
import { PasswordResetRepository } from './password-reset.repository';
import { SessionsService } from './sessions.service';
import { UserRepository } from './user.repository';

const VALID_FOR_MS = 60 * 60 * 1000;

@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Mails a one-use link to the account with this address, if there is one. The answer is the same
   * either way, and it is given before the address is even looked up (the link is made after), so neither
   * the answer nor its time tells who is a member.
   */
  async request(email: string, clientAddress: string): Promise<void> {
    const settings = await this.settings.get();
    await this.limiter.consume('password-reset', clientAddress, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    void this.mailLink(email.toLowerCase(), settings.siteName).catch((error: unknown) =>
      this.logger.error(`A password reset link could not be queued: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private async mailLink(email: string, siteName: string): Promise<void> {
    const user = await this.users.findActiveByEmail(email);
    if (!user) return;
    const token = newToken();
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.dataSource.transaction(async (manager) => {
      // An account deleted meanwhile gets no link: none would be left behind the erasure, nor mailed to its address.
      if (!(await this.users.lockUnlessDeleted(user.id, manager))) return;
      await this.resets.insert({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VALID_FOR_MS) }, manager);
      await this.mail.enqueue(passwordResetMail(user.email, user.locale, siteName, link), manager);
    });
  }

  /** Sets the new password, spends the token (and any other outstanding one), and signs out every device. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const tokenHash = hashToken(token);
      const owner = await this.resets.ownerOfUsable(tokenHash, manager);
      const reset = owner && (await this.users.lockUnlessDeleted(owner, manager)) ? await this.resets.lockUsable(tokenHash, manager) : null;
      if (!reset) throw new InvalidInputError('token is invalid or has expired');
      await this.resets.spendAll(reset.userId, manager);
      await this.users.setPasswordHash(reset.userId, passwordHash, manager);
      // The link went to the member's address (a change of address spends reset links), so following it proves it.
      await this.users.markEmailVerified(reset.userId, manager);
      await this.sessions.revokeAll(reset.userId, manager);
      return reset.userId;
    });
    this.events.publish('SessionsRevoked', { userId, sessionIds: 'all', reason: 'password_reset' });
  }
}
