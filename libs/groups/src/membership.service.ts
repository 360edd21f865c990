import { Injectable } from '@nestjs/common';
import { AccessService, type Caller, type SiteRules } from '@harbour/access';
import { NotFoundError } from '@harbour/common';
import type { GroupDto, GroupMembershipDto, UpdateMembershipBody } from '@harbour/contracts';
import { GroupMemberRepository } from './group-member.repository';
import { GroupsService } from './groups.service';
import { ProfileMembershipsRepository } from './profile-memberships.repository';

/** A member's own membership as their profile shows it, and the groups a profile lists for one caller. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly groups: GroupsService,
    private readonly memberships: GroupMemberRepository,
    private readonly profileMemberships: ProfileMembershipsRepository,
    private readonly access: AccessService,
  ) {}

  /** The caller's membership; a group they do not belong to answers 404 like a missing one (there is no membership). */
  async get(caller: Caller, slug: string): Promise<GroupMembershipDto> {
    const group = await this.groups.find(caller, slug);
    if (!this.access.can(caller, { action: 'group.hideMembership', group })) throw new NotFoundError();
    const member = await this.memberships.find(group.id, caller.userId);
    if (!member) throw new NotFoundError();
    return { role: member.role, hiddenOnProfile: member.hiddenOnProfile };
  }

  async update(caller: Caller, slug: string, body: UpdateMembershipBody): Promise<GroupMembershipDto> {
    const group = await this.groups.find(caller, slug);
    if (!this.access.can(caller, { action: 'group.hideMembership', group })) throw new NotFoundError();
    if (!(await this.profileMemberships.setHiddenOnProfile(group.id, caller.userId, body.hiddenOnProfile))) throw new NotFoundError();
    return this.get(caller, slug);
  }

  /**
   * The groups a member's profile shows this caller: those whose members the caller may see (a private
   * group's name is public, who belongs to it is not) and that the member has not kept off their profile.
   */
  async onProfile(caller: Caller | null, site: SiteRules, userId: string): Promise<GroupDto[]> {
    const visible = this.access.visibleMemberships(caller, site, 'g');
    return this.groups.asSeenBy(caller, await this.profileMemberships.shownOnProfile(userId, visible, 100));
  }
}
