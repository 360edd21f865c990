import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { NotAuthenticatedError } from '@harbour/common';
import type { MeDto } from '@harbour/contracts';
import type { UpdateMeDto } from './account.dtos';
import type { User } from './user.entity';
import { MeParts } from './me-parts';
import { toMeDto } from './user.mapper';
import { UserRepository } from './user.repository';

@Injectable()
export class MeService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly parts: MeParts,
  ) {}

  async get(caller: Caller): Promise<MeDto> {
    return this.parts.complete(toMeDto(await this.find(caller)));
  }

  /**
   * The member's own profile and preferences. What others see (name, pronouns, bio) needs `profile.edit`, so a
   * silenced member cannot use it to speak; their own settings (language, messages, discreet mode) they may
   * always change: discreet mode is a safety measure.
   */
  async update(caller: Caller, dto: UpdateMeDto): Promise<MeDto> {
    if (dto.displayName !== undefined || dto.pronouns !== undefined || dto.bio !== undefined) {
      this.access.assertCan(caller, { action: 'profile.edit' });
    }
    // Only the fields sent are written: a name changed in one tab and the language in another both stay.
    const changes: Partial<Pick<User, 'displayName' | 'pronouns' | 'bio' | 'locale' | 'messagesFrom' | 'discreet' | 'signOutOnQuickExit'>> =
      {};
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.pronouns !== undefined) changes.pronouns = dto.pronouns;
    if (dto.bio !== undefined) changes.bio = dto.bio;
    if (dto.locale !== undefined) changes.locale = dto.locale;
    if (dto.messagesFrom !== undefined) changes.messagesFrom = dto.messagesFrom;
    if (dto.discreet !== undefined) changes.discreet = dto.discreet;
    if (dto.signOutOnQuickExit !== undefined) changes.signOutOnQuickExit = dto.signOutOnQuickExit;
    // The row locked first: a change racing the member's deletion waits for it, then finds the account gone
    // (401) rather than writing a name or a bio back onto the erased row.
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.users.lockUnlessDeleted(caller.userId, manager))) throw new NotAuthenticatedError('Sign in first');
      await this.users.update(caller.userId, changes, manager);
    });
    return this.parts.complete(toMeDto(await this.find(caller)));
  }

  /**
   * "My address works again" (a full mailbox emptied, a spam click undone): mail goes to it again. If it still
   * bounces, the next report marks it again.
   */
  async clearEmailProblem(caller: Caller): Promise<void> {
    if (await this.users.clearEmailProblem(caller.userId)) this.logger.log(`Email problem cleared by member ${caller.userId}`);
  }

  private async find(caller: Caller): Promise<User> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    return user;
  }
}
