import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { DomainEvents, isUuid, NotFoundError, paginateNewestFirst } from '@harbour/common';
import type { AdminUserDto, PageDto, Role } from '@harbour/contracts';
import type { User } from './user.entity';
import { toAdminUserDto } from './user.mapper';
import { UserRepository } from './user.repository';

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  /** Members, newest first; `q` matches part of a username or an email address. */
  async list(query: { q?: string; cursor?: string; limit?: number }): Promise<PageDto<AdminUserDto>> {
    const builder = this.users.listQuery(query.q ? likePattern(query.q.toLowerCase()) : undefined);
    return paginateNewestFirst(builder, query, 'createdAt', toAdminUserDto);
  }

  async changeRole(caller: Caller, userId: string, role: Role): Promise<AdminUserDto> {
    const user = await this.find(userId);
    this.access.assertCan(caller, { action: 'user.changeRole', target: user });
    const previous = user.role;
    user.role = role;
    await this.dataSource.transaction(async (manager) => {
      // A deletion under way holds the row: the change waits for it, then finds a missing member.
      if (!(await this.users.lockUnlessDeleted(user.id, manager))) throw new NotFoundError();
      await this.users.update(user.id, { role }, manager);
      if (previous === role) return;
      await audit(manager, {
        actorId: caller.userId,
        action: 'user.role',
        targetType: 'user',
        targetId: user.id,
        reason: `${previous} → ${role}`,
      });
    });
    if (previous !== role) this.events.publish('MemberRoleChanged', { userId: user.id, role, previousRole: previous });
    return toAdminUserDto(user);
  }

  /** Lets a member who registered while the site required approval sign in. */
  async approve(userId: string): Promise<void> {
    const user = await this.find(userId);
    if (user.status === 'pending') await this.users.approvePending(user.id);
  }

  /** A deleted account is only an anonymous author now: to the admin routes it is a missing member. */
  private async find(userId: string): Promise<User> {
    const user = isUuid(userId) ? await this.users.findById(userId) : null;
    if (!user || user.status === 'deleted') throw new NotFoundError();
    return user;
  }
}
