import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { ConflictError, ForbiddenError, hashToken, InvalidInputError, NotAuthenticatedError, newToken } from '@harbour/common';
import type { Locale } from '@harbour/contracts';
import { addressInUseMail, confirmEmailChangeMail, emailChangeNoticeMail, MailService, verifyEmailMail } from '@harbour/mail';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { AccountSecurityService } from './account-security.service';
import type { ChangeEmailDto } from './self-service.dtos';
import { EmailTokenRepository } from './email-token.repository';
import { PasswordResetRepository } from './password-reset.repository';
import type { User } from './user.entity';
import { UserRepository } from './user.repository';

const VALID_FOR_MS = 48 * 3600 * 1000;

/** The settings as SettingsService reads them (their entity is settings' own: not named here). */
type SiteSettingsRead = Awaited<ReturnType<SettingsService['get']>>;
export const HELD_NAME_DOMAIN = '@held.invalid';

/**
 * The address of an account made by a registration with an address that already had one: it holds the name
 * as a new registration would, but nobody reads the address, so it can never be verified or signed in to.
 */
export function heldNameAddress(): string {
  return `held-${randomUUID()}${HELD_NAME_DOMAIN}`;
}

/** A member an address link is about. */
interface Addressee {
  id: string;
  email: string;
  locale: Locale;
}

/**
 * Proving that a member reads an address: the link sent at registration (while the site requires it), again
 * on request, and for a change of address (which takes effect only when its link is followed). Links are
 * one-use, expire, and only their hash is kept.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: EmailTokenRepository,
    private readonly resets: PasswordResetRepository,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly access: AccessService,
    private readonly security: AccountSecurityService,
  ) {}

  /** Inside registration's transaction: the link that verifies the new account's address. */
  async sendVerification(user: Addressee, siteName: string, manager: EntityManager): Promise<void> {
    const link = await this.newLink(user.id, user.email, manager);
    await this.mail.enqueue(verifyEmailMail(user.email, user.locale, siteName, link), manager);
  }

  /**
   * Inside registration's transaction, for an address that already has an account: its owner is told, and the
   * caller answers exactly as for a new address, so registration tells nobody who is a member.
   */
  async noticeAddressInUse(email: string, siteName: string, manager: EntityManager): Promise<void> {
    const owner = await this.users.contactByEmail(email, manager);
    if (owner) await this.mail.enqueue(addressInUseMail(owner.email, owner.locale, siteName, `${this.config.publicUrl}/sign-in`), manager);
  }

  /**
   * At sign-in, after the password was right: an account registered while verification was required waits for
   * its link (unless admins turned verification off since). The link is sent again, since a member who cannot
   * sign in cannot ask for it any other way; only the right password gets it, so nobody learns anything.
   */
  async assertVerifiedAtSignIn(user: User, settings: SiteSettingsRead): Promise<void> {
    // A held name never signs in, even with verification turned off since: it was made for someone else's address.
    const held = user.email.endsWith(HELD_NAME_DOMAIN);
    if (!user.mustVerifyEmail || user.emailVerifiedAt || (settings.emailVerification !== 'required' && !held)) return;
    await this.limiter.consume('email-link', user.id, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    if (!held) {
      await this.dataSource.transaction((manager) => this.sendVerification(user, settings.siteName, manager));
    }
    throw new ForbiddenError('verify your email first');
  }

  /** `POST /api/auth/verify-email`: verifies the address, or moves the account to the new one it was sent to. */
  async verify(token: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const tokenHash = hashToken(token);
        const owner = await this.tokens.ownerOfUsable(tokenHash, manager);
        const link =
          owner && (await this.users.lockUnlessDeleted(owner, manager)) ? await this.tokens.lockUsable(tokenHash, manager) : null;
        if (!link) throw new InvalidInputError('token is invalid or has expired');
        await this.tokens.spendAll(link.userId, manager);
        const user = await this.users.findById(link.userId, manager);
        if (!user || user.status === 'deleted') throw new InvalidInputError('token is invalid or has expired');
        if (user.email !== link.email) {
          // Reset links went to the old address: they must not outlive the change.
          await this.resets.spendAll(user.id, manager);
        }
        await this.users.setVerifiedEmail(user.id, link.email, manager);
      });
    } catch (error) {
      // The new address was taken by another account after the link was sent.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError('email is already registered');
      }
      throw error;
    }
  }

  /** `POST /api/me/verify-email`: the link to the member's current address, again. */
  async resend(caller: Caller): Promise<void> {
    this.access.assertCan(caller, { action: 'account.secure' });
    const settings = await this.settings.get();
    await this.limiter.consume('email-link', caller.userId, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    if (user.emailVerifiedAt) throw new ConflictError('email is already verified');
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwnRow(caller, manager);
      await this.sendVerification(user, settings.siteName, manager);
    });
  }

  /**
   * `POST /api/me/email`: a link to the new address and a notice to the old one; nothing changes until the
   * link is followed. An address that has an account already gets the in-use notice instead, and the answer
   * is the same, so a signed-in member cannot probe addresses either.
   */
  async requestChange(caller: Caller, dto: ChangeEmailDto): Promise<void> {
    const settings = await this.settings.get();
    const user = await this.security.confirmPassword(caller, dto.password);
    await this.limiter.consume('email-link', caller.userId, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    const email = dto.email.toLowerCase();
    if (email === user.email) throw new InvalidInputError('email is already your address');
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwnRow(caller, manager);
      const taken = await this.users.contactByEmail(email, manager);
      if (taken) {
        await this.mail.enqueue(
          addressInUseMail(taken.email, taken.locale, settings.siteName, `${this.config.publicUrl}/sign-in`),
          manager,
        );
      } else {
        const link = await this.newLink(user.id, email, manager);
        await this.mail.enqueue(confirmEmailChangeMail(email, user.locale, settings.siteName, link), manager);
      }
      await this.mail.enqueue(emailChangeNoticeMail(user.email, user.locale, settings.siteName), manager);
    });
  }

  /** A link asked for while the account was being deleted is neither stored nor mailed: the caller is gone (401). */
  private async lockOwnRow(caller: Caller, manager: EntityManager): Promise<void> {
    if (!(await this.users.lockUnlessDeleted(caller.userId, manager))) throw new NotAuthenticatedError('Sign in first');
  }

  private async newLink(userId: string, email: string, manager: EntityManager): Promise<string> {
    const token = newToken();
    await this.tokens.insert({ userId, email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VALID_FOR_MS) }, manager);
    return `${this.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
  }
}
