import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller, type SiteRules } from '@harbour/access';
import {
  ConflictError,
  decodeCursor,
  DomainEvents,
  ForbiddenError,
  isUuid,
  NotAuthenticatedError,
  NotFoundError,
  toPage,
} from '@harbour/common';
import type { GroupDto, GroupMemberDto, GroupRole, PageDto } from '@harbour/contracts';
import { CategoryRepository } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';
import type { CreateGroupDto, UpdateGroupDto } from './groups.dtos';
import { toGroupDto } from './groups.mappers';
import type { Group } from './group.entity';
import type { GroupMember } from './group-member.entity';
import { GroupMemberRepository } from './group-member.repository';
import { GroupRepository } from './group.repository';
import { JoinRequestRepository } from './join-request.repository';

/** Groups themselves: creating, listing, reading, editing, and their member lists and roles. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupRepository,
    private readonly memberships: GroupMemberRepository,
    private readonly joinRequests: JoinRequestRepository,
    private readonly categories: CategoryRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
  ) {}

  async site(): Promise<SiteRules> {
    return this.settings.accessRules();
  }

  /** The group a slug names, or the same 404 whether it does not exist or the caller may not know of it. */
  async find(caller: Caller | null, slug: string): Promise<Group> {
    const group = slug.length <= 40 ? await this.groups.findBySlug(slug) : null;
    if (!group || !this.access.can(caller, { action: 'group.see', group, site: await this.site() })) throw new NotFoundError();
    return group;
  }

  async create(caller: Caller, dto: CreateGroupDto): Promise<GroupDto> {
    this.access.assertCan(caller, { action: 'group.create', site: await this.site() });
    const group = await this.dataSource.transaction(async (manager) => {
      // The slug is the only thing a conflict reveals; the wording does not say what holds it.
      const id = await this.groups.insert(
        { name: dto.name, slug: dto.slug, description: dto.description ?? '', visibility: dto.visibility },
        manager,
      );
      if (!id) throw new ConflictError('slug is not available');
      await this.memberships.add(id, caller.userId, 'owner', manager);
      const created = await this.groups.findById(id, manager);
      if (!created) throw new NotFoundError();
      return created;
    });
    this.events.publish('GroupMembershipChanged', { groupId: group.id, userId: caller.userId });
    return this.dto({ ...caller, groups: { ...caller.groups, [group.id]: 'owner' } }, group);
  }

  /** Public and private groups, and hidden ones the caller belongs to; filtered in SQL. */
  async list(caller: Caller | null): Promise<{ items: GroupDto[] }> {
    const visible = this.access.visibleGroups(caller, await this.site(), 'g');
    const groups = await this.groups.listWhere(visible.where, visible.params, 500);
    return { items: await this.dtos(caller, groups) };
  }

  async get(caller: Caller | null, slug: string): Promise<GroupDto> {
    return this.dto(caller, await this.find(caller, slug));
  }

  /** Groups as the caller sees them (a profile's list), with what they may do. */
  asSeenBy(caller: Caller | null, groups: Group[]): Promise<GroupDto[]> {
    return this.dtos(caller, groups);
  }

  /** The groups with these ids as the caller sees them (a group inbox's group, which its writer knows of). */
  async asSeenByIds(caller: Caller | null, ids: string[]): Promise<GroupDto[]> {
    return this.dtos(caller, await this.groups.findByIds(ids));
  }

  private async dto(caller: Caller | null, group: Group): Promise<GroupDto> {
    const [shown] = await this.dtos(caller, [group]);
    if (!shown) throw new NotFoundError();
    return shown;
  }

  /**
   * Groups as the caller sees them, with what they may do (`can`). Owner counts are read only for the groups
   * the caller owns (whether they may leave), in one query.
   */
  private async dtos(caller: Caller | null, groups: Group[]): Promise<GroupDto[]> {
    const pending = await this.pendingRequestGroupIds(caller);
    const owned = groups.filter((group) => caller?.groups[group.id] === 'owner').map((group) => group.id);
    const ownerCounts = await this.memberships.ownerCounts(owned);
    return groups.map((group) =>
      toGroupDto(
        group,
        caller,
        this.access.groupCan(caller, { ...group, ownerCount: ownerCounts.get(group.id) ?? 0 }),
        pending.has(group.id),
      ),
    );
  }

  /**
   * Owners edit name, description and visibility. Making a public group private or hidden also closes the
   * categories it had opened to everyone, in the same transaction: what was shown because the group was
   * public stops showing at once, and reopening is a deliberate act.
   */
  async update(caller: Caller, slug: string, dto: UpdateGroupDto): Promise<GroupDto> {
    const group = await this.find(caller, slug);
    this.access.assertCan(caller, { action: 'group.edit', group });
    const closing = dto.visibility !== undefined && dto.visibility !== 'public' && group.visibility === 'public';
    const closedCategoryIds = await this.dataSource.transaction(async (manager) => {
      const changes = Object.fromEntries(
        Object.entries({ name: dto.name, description: dto.description, visibility: dto.visibility }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      await this.groups.update(group.id, changes, manager);
      return closing ? this.categories.closeGroupSpaces(manager, group.id) : [];
    });
    if (closedCategoryIds.length > 0) this.events.publish('SpaceAccessChanged', { categoryIds: closedCategoryIds });
    return this.get(caller, group.slug);
  }

  /**
   * Members, oldest first. A public group's list is for anyone; otherwise for its members (a visitor who
   * may see the group but not its members is told to sign in, a signed-in outsider is refused).
   */
  async members(caller: Caller | null, slug: string, query: { cursor?: string; limit?: number }): Promise<PageDto<GroupMemberDto>> {
    const group = await this.find(caller, slug);
    if (!this.access.can(caller, { action: 'group.seeMembers', group, site: await this.site() })) {
      if (caller === null) throw new NotAuthenticatedError('Sign in to see who is in this group');
      throw new ForbiddenError('Only members see who is in this group');
    }
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    const rows = await this.memberships.page(group.id, after, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => ({ at: row.createdAt.toISOString(), id: row.user.id }),
      (row) => ({ user: row.user, role: row.role }),
    );
  }

  /** Owners change roles; a group always keeps at least one owner. */
  async changeRole(caller: Caller, slug: string, userId: string, role: GroupRole): Promise<void> {
    const group = await this.find(caller, slug);
    this.access.assertCan(caller, { action: 'group.edit', group });
    await this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, group.id, userId);
      if (target.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(manager, group.id);
      await this.memberships.setRole(group.id, userId, role, manager);
    });
    this.events.publish('GroupMembershipChanged', { groupId: group.id, userId });
  }

  /**
   * Removes a member, or lets a member leave. Group moderators remove members, not owners or other
   * moderators; the last owner cannot leave (hand the group over first).
   */
  async removeMember(caller: Caller, slug: string, userId: string): Promise<void> {
    const group = await this.find(caller, slug);
    const leaving = userId === caller.userId;
    if (!leaving) this.access.assertCan(caller, { action: 'group.manageMembers', group });
    await this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, group.id, userId);
      // Owners (and admins: the group.edit question) remove owners and moderators; group moderators, members only.
      if (!leaving && target.role !== 'member' && !this.access.can(caller, { action: 'group.edit', group })) {
        throw new ForbiddenError('Only owners remove owners and moderators');
      }
      if (target.role === 'owner') await this.assertAnotherOwner(manager, group.id);
      await this.memberships.remove(group.id, userId, manager);
      await this.groups.addToMemberCount(group.id, -1, manager);
    });
    this.events.publish('GroupMembershipChanged', { groupId: group.id, userId });
  }

  /** A member of the group, row-locked for the change; a non-member is a 404 like any missing id. */
  private async lockMember(manager: EntityManager, groupId: string, userId: string): Promise<GroupMember> {
    // Lock the group row first: every membership change of one group then runs one at a time, so two
    // owners demoting each other cannot leave the group without an owner.
    await this.groups.lock(groupId, manager);
    const member = isUuid(userId) ? await this.memberships.find(groupId, userId, manager) : null;
    if (!member) throw new NotFoundError();
    return member;
  }

  private async assertAnotherOwner(manager: EntityManager, groupId: string): Promise<void> {
    if ((await this.memberships.ownerCount(groupId, manager)) < 2)
      throw new ConflictError('A group needs an owner: make someone else owner first');
  }

  private async pendingRequestGroupIds(caller: Caller | null): Promise<Set<string>> {
    if (!caller) return new Set();
    return new Set(await this.joinRequests.pendingGroupIdsOf(caller.userId));
  }
}
