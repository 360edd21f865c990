import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { ConflictError, DomainEvents, ForbiddenError, NotAuthenticatedError } from '@harbour/common';
import type { AuthResultDto, PendingRegistrationDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import type { LoginDto, RegisterDto } from './account.dtos';
import { hashPassword, verifyAgainstNobody, verifyPassword } from './password';
import { EmailVerificationService, heldNameAddress } from './email-verification.service';
import { SessionsService } from './sessions.service';
import { SiteInvitationsService } from './site-invitations.service';
import { TwoFactorService } from './two-factor.service';
import { MeParts } from './me-parts';
import { toMeDto } from './user.mapper';
import type { User } from './user.entity';
import { UserRepository } from './user.repository';

/** Where a request comes from, as far as accounts care: for rate limits and the session's device label. */
export interface ClientInfo {
  address: string;
  userAgent: string | undefined;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionsService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly invitations: SiteInvitationsService,
    private readonly twoFactor: TwoFactorService,
    private readonly emailVerification: EmailVerificationService,
    private readonly events: DomainEvents,
    private readonly parts: MeParts,
  ) {}

  /**
   * Registers a member. The first account of a new site is its admin (the first-run setup). While the site
   * requires email verification, a new address and a taken one get the same 202 (its owner is mailed instead),
   * and both paths have hashed a password first, so neither the answer nor its time tells who is a member.
   */
  async register(dto: RegisterDto, client: ClientInfo): Promise<AuthResultDto | PendingRegistrationDto> {
    const settings = await this.settings.get();
    await this.limiter.consume('register', client.address, settings.rateLimits.registrationsPerHourPerIp, 3600);
    const passwordHash = await hashPassword(dto.password);

    try {
      let waiting = null as string | null;
      const result = await this.dataSource.transaction(async (manager) => {
        await this.users.lockRegistrations(manager);
        const first = (await this.users.count(manager)) === 0;
        if (!first && settings.registrationMode === 'invite' && !dto.invitation) {
          throw new ForbiddenError('Registration on this site is by invitation only');
        }
        const usernameKey = dto.username.toLowerCase();
        const email = dto.email.toLowerCase();
        const taken = await this.users.taken(usernameKey, email, manager);
        if (taken.username) throw new ConflictError('username is already taken');
        // An invitation is an admin's approval given in advance; checked before the address so a bad one
        // cannot be used to tell taken addresses from new ones.
        const invitedEmail = dto.invitation ? await this.invitations.spend(dto.invitation, manager) : null;
        const verify = !first && settings.emailVerification === 'required' && invitedEmail !== email;
        if (taken.email && !verify) throw new ConflictError('email is already registered');
        // A taken address still gets an account, at an address nobody reads: the name is held exactly as a new
        // address's would be, so not even trying the name again tells whether the address had an account.
        const heldOnly = taken.email;
        const pending = !first && !dto.invitation && settings.registrationMode === 'approval';
        const user = await this.users.insert(
          {
            username: dto.username,
            usernameKey,
            displayName: dto.username,
            email: heldOnly ? heldNameAddress() : email,
            passwordHash,
            role: first ? 'admin' : 'member',
            status: pending ? 'pending' : 'active',
            // The site's default language (issue 19) when the sign-up form sends none.
            locale: dto.locale ?? settings.defaultLocale,
            mustVerifyEmail: verify,
            emailVerifiedAt: invitedEmail === email ? new Date() : null,
          },
          manager,
        );
        // A held name's account is nobody's to approve: admins hear only of real registrations.
        if (pending && !heldOnly) waiting = user.id;
        if (verify) {
          if (heldOnly) await this.emailVerification.noticeAddressInUse(email, settings.siteName, manager);
          else await this.emailVerification.sendVerification(user, settings.siteName, manager);
          return { status: 'verify_email' as const };
        }
        if (pending) return { status: 'pending' as const };
        const token = await this.sessions.open(user.id, client.userAgent, manager);
        return { user: toMeDto(user), token };
      });
      if (waiting) this.events.publish('RegistrationPending', { userId: waiting });
      return result;
    } catch (error) {
      // Two registrations racing for one name: the unique index decides, the loser gets the same 409.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError('username or email is already taken');
      }
      throw error;
    }
  }

  /**
   * The account a username or email and password name, checked as sign-in checks them (the same rate limit,
   * the same 401 for an unknown account and a wrong password): sign-in, and a suspended member's appeal.
   */
  async memberByCredentials(dto: { login: string; password: string }, client: ClientInfo): Promise<User> {
    const settings = await this.settings.get();
    await this.limiter.consume('login', client.address, settings.rateLimits.loginAttemptsPerHourPerIp, 3600);
    const user = await this.users.findByLogin(dto.login.toLowerCase());
    const valid = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyAgainstNobody(dto.password);
    if (!user || !valid) throw new NotAuthenticatedError('invalid credentials');
    return user;
  }

  /** Signs in by username or email. Unknown account and wrong password answer the same 401. */
  async login(dto: LoginDto, client: ClientInfo): Promise<AuthResultDto> {
    const user = await this.memberByCredentials(dto, client);
    const settings = await this.settings.get();
    await this.emailVerification.assertVerifiedAtSignIn(user, settings);
    await this.twoFactor.checkAtLogin(user, dto.totp);
    if (user.status === 'pending') throw new ForbiddenError('Your account is waiting for an admin to approve it');
    if (user.status === 'banned') throw new ForbiddenError('This account is banned');
    if (user.status === 'suspended') {
      if (user.suspendedUntil && user.suspendedUntil > new Date()) {
        throw new ForbiddenError(`This account is suspended until ${user.suspendedUntil.toISOString()}`);
      }
      // The suspension has run out: the member is back.
      await this.users.endSuspension(user.id);
    }
    const token = await this.sessions.open(user.id, client.userAgent);
    return { user: await this.parts.complete(toMeDto(user)), token };
  }
}
