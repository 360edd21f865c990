import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, hashToken, newToken } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { AdminUserDto } from '@harbour/contracts';
import { accountCreatedMail, MailService } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import type { CreateAccountDto } from './account.dtos';
import { hashPassword } from './password';
import { PasswordResetRepository } from './password-reset.repository';
import { toAdminUserDto } from './user.mapper';
import { UserRepository } from './user.repository';

/** The link to choose a first password stays good longer than a reset's hour: people read mail days later. */
const FIRST_PASSWORD_VALID_MS = 7 * 86400_000;

/**
 * Accounts an admin makes for someone (a workshop, a phone call): no password is ever chosen or seen by the
 * admin; the owner is mailed a link to choose theirs, which also proves the address.
 */
@Injectable()
export class AdminAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async create(caller: Caller, dto: CreateAccountDto): Promise<AdminUserDto> {
    const { siteName, defaultLocale } = await this.settings.get();
    const locale = dto.locale ?? defaultLocale;
    // Nobody knows this password: the account opens only through the mailed link.
    const passwordHash = await hashPassword(newToken());
    const token = newToken();
    const link = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.users.lockRegistrations(manager);
        const usernameKey = dto.username.toLowerCase();
        const email = dto.email.toLowerCase();
        const taken = await this.users.taken(usernameKey, email, manager);
        // Admins see every address, so saying which one is taken tells them nothing new.
        if (taken.username) throw new ConflictError('username is already taken');
        if (taken.email) throw new ConflictError('email is already registered');
        const user = await this.users.insert(
          { username: dto.username, usernameKey, displayName: dto.username, email, passwordHash, role: 'member', status: 'active', locale },
          manager,
        );
        await this.resets.insert(
          { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + FIRST_PASSWORD_VALID_MS) },
          manager,
        );
        await this.mail.enqueue(accountCreatedMail(email, locale, siteName, user.username, link), manager);
        await audit(manager, { actorId: caller.userId, action: 'user.create', targetType: 'user', targetId: user.id, reason: null });
        return toAdminUserDto(user);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError('username or email is already taken');
      }
      throw error;
    }
  }
}
