import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlScope } from '@harbour/access';
import { GroupMember } from './group-member.entity';
import { Group } from './group.entity';

/** Memberships as a member's profile shows them, and the member's choice to keep one off it. */
@Injectable()
export class ProfileMembershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The member's groups inside `visible` (alias `g`), leaving out those they keep off their profile, by name. */
  shownOnProfile(userId: string, visible: SqlScope, limit: number): Promise<Group[]> {
    return this.dataSource
      .getRepository(Group)
      .createQueryBuilder('g')
      .where(
        `g.id IN (SELECT m.group_id FROM group_members m WHERE m.user_id = :profileUserId AND NOT m.hidden_on_profile) AND ${visible.where}`,
        { ...visible.params, profileUserId: userId },
      )
      .orderBy('g.name', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Answers whether the member belongs to the group (nothing changes otherwise). */
  async setHiddenOnProfile(groupId: string, userId: string, hidden: boolean): Promise<boolean> {
    const result = await this.dataSource.manager.update(GroupMember, { groupId, userId }, { hiddenOnProfile: hidden });
    return (result.affected ?? 0) > 0;
  }
}
