import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { GroupInvitation } from './group-invitation.entity';

/** Group invitations: all SQL on `group_invitations` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class GroupInvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The member's open invitation into this group, if one is waiting. */
  findOpenFor(groupId: string, userId: string, manager: EntityManager): Promise<GroupInvitation | null> {
    return manager.findOneBy(GroupInvitation, { groupId, userId, answeredAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  async insert(
    fields: Pick<GroupInvitation, 'groupId' | 'userId' | 'tokenHash' | 'invitedById' | 'expiresAt'>,
    manager: EntityManager,
  ): Promise<string> {
    const saved = await manager.save(GroupInvitation, { ...fields, answeredAt: null });
    return saved.id;
  }

  /** The member's open invitations by username, newest first, with their group. */
  openFor(userId: string): Promise<GroupInvitation[]> {
    return this.db().find(GroupInvitation, {
      where: { userId, answeredAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: { group: true },
      order: { createdAt: 'DESC' },
    });
  }

  /** An open invitation: row-locked to be answered, or with its group to be shown. */
  findOpen(id: string, options: { lock: boolean }, manager?: EntityManager): Promise<GroupInvitation | null> {
    return this.db(manager).findOne(GroupInvitation, {
      where: { id, answeredAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: options.lock ? {} : { group: true },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  /** An invitation works once. */
  async markAnswered(id: string, manager: EntityManager): Promise<void> {
    await manager.update(GroupInvitation, { id }, { answeredAt: new Date() });
  }
}
