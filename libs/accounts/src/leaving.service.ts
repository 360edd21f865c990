import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import {
  ConflictError,
  DomainEvents,
  ForbiddenError,
  isUuid,
  MemberData,
  NotAuthenticatedError,
  NotFoundError,
  type ErasedMember,
  type ExportFile,
} from '@harbour/common';
import type { DeletedPosts } from '@harbour/contracts';
import type { DeleteMeDto } from './leaving.dtos';
import { AccountsMemberData, type DeletableUser } from './member-data.repository';
import { verifyPassword } from './password';
import { PasswordGuesses } from './password-guesses';
import { TwoFactorService } from './two-factor.service';
import { UserRepository } from './user.repository';

/** Every lib that holds rows about members: deleting an account without one of them would leave its rows. */
const REQUIRED_PARTS = [
  'accounts',
  'alerts',
  'conversations',
  'drafts',
  'forum',
  'groups',
  'mail',
  'mail-replies',
  'mailings',
  'moderation',
  'notifications',
  'push',
  'uploads',
];

/**
 * Leaving (api.md 1.1, "Account security and leaving"): the member's data taken out as a zip, and the account
 * deleted for real, by its member or by an admin at their request. Every lib's part (MemberData) is asked in
 * turn; the deletion is one transaction over all of them.
 */
@Injectable()
export class LeavingService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly accounts: AccountsMemberData,
    private readonly memberData: MemberData,
    private readonly twoFactor: TwoFactorService,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly guesses: PasswordGuesses,
  ) {}

  /** A missing part fails at start-up, not at the first deletion (which would leave that lib's rows behind). */
  onApplicationBootstrap(): void {
    const missing = REQUIRED_PARTS.filter((name) => !this.memberData.names().includes(name));
    if (missing.length > 0) throw new Error(`No MemberData part registered for: ${missing.join(', ')}`);
  }

  /** Everything Harbour holds about the caller, as a zip of JSON files and their uploads. */
  async export(caller: Caller, password: string): Promise<Uint8Array> {
    this.access.assertCan(caller, { action: 'account.leave' });
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotAuthenticatedError('Sign in first');
    await this.guesses.count(user.id);
    if (!(await verifyPassword(user.passwordHash, password))) throw new ForbiddenError('wrong password');
    const files: Record<string, ExportFile> = {};
    for (const part of this.memberData.parts()) {
      for (const [path, content] of Object.entries(await part.export({ userId: user.id, email: user.email }))) {
        files[path] = merge(files[path], content);
      }
    }
    const zip: Zippable = { uploads: {} };
    for (const [path, content] of Object.entries(files)) {
      zip[path] = content instanceof Uint8Array ? content : strToU8(`${JSON.stringify(content, null, 2)}\n`);
    }
    return zipSync(zip, { level: 6 });
  }

  async deleteSelf(caller: Caller, dto: DeleteMeDto): Promise<void> {
    this.access.assertCan(caller, { action: 'account.leave' });
    const user = await this.users.findById(caller.userId);
    if (!user || user.status === 'deleted') throw new NotAuthenticatedError('Sign in first');
    await this.guesses.count(user.id);
    if (!(await verifyPassword(user.passwordHash, dto.password))) throw new ForbiddenError('wrong password');
    await this.twoFactor.assertSecondFactor(user.id, dto.totp);
    const deleted = await this.erase(user.id, dto.posts, null);
    // Sent at once, the same request finds the account gone: the losers answer as a signed-out caller would.
    if (!deleted) throw new NotAuthenticatedError('Sign in first');
  }

  /** An admin deletes an account at its member's request; the log keeps the action, not the erased name. */
  async deleteByAdmin(caller: Caller, userId: string, posts: DeletedPosts): Promise<void> {
    const user = isUuid(userId) ? await this.users.findById(userId) : null;
    if (!user || user.status === 'deleted') throw new NotFoundError();
    this.access.assertCan(caller, { action: 'user.delete', target: user });
    if (!(await this.erase(user.id, posts, caller.userId))) throw new NotFoundError();
  }

  /** One transaction over every part; false when the account was deleted meanwhile (a concurrent deletion). */
  private async erase(userId: string, posts: DeletedPosts, adminId: string | null): Promise<boolean> {
    const afterCommit = await this.dataSource.transaction(async (manager) => {
      const user = await this.accounts.lockForDeletion(userId, manager);
      if (!user) return null;
      if (user.role === 'admin' && (await this.accounts.otherAdmins(userId, manager)) === 0) {
        throw new ConflictError('The last admin cannot leave: make another member admin first');
      }
      const member = erasedMember(user, posts, await this.accounts.nextDeletedNumber(manager));
      const tasks: (() => void)[] = [];
      for (const part of this.memberData.parts()) {
        const task = await part.erase(member, manager);
        if (task) tasks.push(task);
      }
      if (adminId !== null) {
        await audit(manager, { actorId: adminId, action: 'user.delete', targetType: 'user', targetId: userId, reason: `posts: ${posts}` });
      }
      return tasks;
    });
    if (afterCommit === null) return false;
    this.events.publish('SessionsRevoked', { userId, sessionIds: 'all', reason: 'deleted' });
    for (const task of afterCommit) task();
    return true;
  }
}

function erasedMember(user: DeletableUser, posts: DeletedPosts, n: number): ErasedMember {
  const anonymous = `deleted-${n}`;
  return {
    userId: user.id,
    email: user.email,
    username: user.username,
    displayName: user.display_name,
    posts,
    anonymous: { username: anonymous, email: `${anonymous}@deleted.invalid` },
  };
}

/** Two parts' contributions to one file: objects key by key, lists one after the other; otherwise the later wins. */
function merge(earlier: ExportFile | undefined, later: ExportFile): ExportFile {
  if (Array.isArray(earlier) && Array.isArray(later)) return [...earlier, ...later];
  if (isObject(earlier) && isObject(later)) return { ...earlier, ...later };
  return later;
}

function isObject(file: ExportFile | undefined): file is Record<string, unknown> {
  return file !== undefined && !Array.isArray(file) && !(file instanceof Uint8Array);
}
