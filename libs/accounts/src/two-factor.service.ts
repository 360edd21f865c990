import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { ConflictError, ForbiddenError, NotAuthenticatedError, TwoFactorRequiredError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { RecoveryCodesDto, TwoFactorSetupDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { verifyPassword } from './password';
import { PasswordGuesses } from './password-guesses';
import { isTotpCode, matchingStep, newRecoveryCodes, newTotpSecret, otpauthUrl, TwoFactorKeys } from './two-factor.crypto';
import { TwoFactorRepository } from './two-factor.repository';
import type { User } from './user.entity';
import { UserRepository } from './user.repository';

const HOUR = 3600;

/**
 * Two-factor authentication (api.md 1.1): TOTP with ten one-use recovery codes. The secret is sealed at rest;
 * a code is accepted once; every code tried counts towards the login limit, per address at sign-in (AuthService)
 * and per member here, so guessing from many addresses gains nothing.
 */
@Injectable()
export class TwoFactorService {
  private keysMade: TwoFactorKeys | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly twoFactor: TwoFactorRepository,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly access: AccessService,
    private readonly guesses: PasswordGuesses,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /** `POST /api/me/2fa`: a new secret, pending until a code from it is confirmed. */
  async setup(caller: Caller, password: string): Promise<TwoFactorSetupDto> {
    const user = await this.member(caller);
    await this.assertPassword(user, password);
    if (user.totpSecret !== null) throw new ConflictError('two-factor is already on (turn it off first)');
    const secret = newTotpSecret();
    if (!(await this.twoFactor.setPendingSecret(user.id, this.keys().seal(secret, user.id))))
      throw new NotAuthenticatedError('Sign in first');
    const { siteName } = await this.settings.get();
    return { secret, otpauthUrl: otpauthUrl(secret, siteName, user.username) };
  }

  /** `POST /api/me/2fa/confirm`: a code from the app turns two-factor on; the recovery codes are shown once. */
  async confirm(caller: Caller, code: string): Promise<RecoveryCodesDto> {
    const user = await this.member(caller);
    if (user.totpSecret !== null) throw new ConflictError('two-factor is already on');
    if (user.totpPendingSecret === null) throw new ConflictError('start two-factor set-up first');
    await this.countAttempt(user.id);
    const secret = this.keys().open(user.totpPendingSecret, user.id);
    const step = secret === null ? null : matchingStep(secret, code);
    if (step === null) throw new ForbiddenError('wrong two-factor code');
    const recoveryCodes = newRecoveryCodes();
    const hashes = recoveryCodes.map((recovery) => this.keys().hashRecoveryCode(recovery));
    const enabled = await this.dataSource.transaction((manager) =>
      this.twoFactor.enable(user.id, user.totpPendingSecret!, step, hashes, manager),
    );
    if (!enabled) throw new ConflictError('two-factor was turned on meanwhile');
    return { recoveryCodes };
  }

  /** `DELETE /api/me/2fa`: the password and a code (or a recovery code) turn it off. */
  async disable(caller: Caller, password: string, code: string): Promise<void> {
    const user = await this.member(caller);
    await this.assertPassword(user, password);
    if (user.totpSecret === null) throw new ConflictError('two-factor is not on');
    if (!(await this.spend(user, code))) throw new ForbiddenError('wrong two-factor code');
    await this.dataSource.transaction((manager) => this.twoFactor.disable(user.id, manager));
  }

  /**
   * At sign-in, after the password was found right: with two-factor on, a current code or an unspent recovery
   * code is required, else 401 `{ totpRequired: true }`.
   */
  async checkAtLogin(user: User, totp: string | undefined): Promise<void> {
    if (user.totpSecret === null) return;
    if (totp === undefined) throw new TwoFactorRequiredError();
    if (!(await this.spend(user, totp))) throw new TwoFactorRequiredError();
  }

  /**
   * For other parts that ask for the second factor again (deleting one's account): nothing to check when
   * two-factor is off; otherwise a current code or an unspent recovery code (spent by this call), else 403.
   * Tries count towards the member's code limit (429 past it).
   */
  async assertSecondFactor(userId: string, code: string | undefined): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.totpSecret === null) return;
    if (code === undefined || !(await this.spend(user, code))) throw new ForbiddenError('two-factor code required');
  }

  /** Checks a code against the member's secret or recovery codes, and uses it up. */
  private async spend(user: User, code: string): Promise<boolean> {
    await this.countAttempt(user.id);
    if (user.totpSecret === null) return false;
    if (!isTotpCode(code)) return this.twoFactor.spendRecoveryCode(user.id, this.keys().hashRecoveryCode(code));
    const secret = this.keys().open(user.totpSecret, user.id);
    const step = secret === null ? null : matchingStep(secret, code);
    return step !== null && (await this.twoFactor.claimStep(user.id, step));
  }

  /** Each code tried, per member, within the same hourly limit as sign-in attempts per address. */
  private async countAttempt(userId: string): Promise<void> {
    const { rateLimits } = await this.settings.get();
    await this.limiter.consume('two-factor', userId, rateLimits.loginAttemptsPerHourPerIp, HOUR);
  }

  private async assertPassword(user: User, password: string): Promise<void> {
    await this.guesses.count(user.id);
    if (!(await verifyPassword(user.passwordHash, password))) throw new ForbiddenError('wrong password');
  }

  private async member(caller: Caller): Promise<User> {
    this.access.assertCan(caller, { action: 'twoFactor.manage' });
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    return user;
  }

  private keys(): TwoFactorKeys {
    if (this.config.sessionSecret === null) throw new Error('SESSION_SECRET must be resolved before two-factor is used');
    this.keysMade ??= new TwoFactorKeys(this.config.sessionSecret);
    return this.keysMade;
  }
}
