import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { ConflictError, DomainEvents, hashToken, InvalidInputError, isUuid, newToken, NotFoundError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { GroupInvitationDto, JoinRequestDto, UserDto } from '@harbour/contracts';
import { groupInvitationMail, MailService } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import type { GroupInvitation } from './group-invitation.entity';
import { GroupInvitationRepository } from './group-invitation.repository';
import { GroupMemberRepository } from './group-member.repository';
import { GroupRepository } from './group.repository';
import type { InviteDto } from './groups.dtos';
import { toInvitationDto, toJoinRequestDto } from './groups.mappers';
import { GroupsService } from './groups.service';
import { JoinRequestRepository } from './join-request.repository';

const INVITATION_DAYS = 14;

/** The ways into a group: invitations (by username or emailed link) and join requests. */
@Injectable()
export class GroupInvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: GroupInvitationRepository,
    private readonly joinRequests: JoinRequestRepository,
    private readonly memberships: GroupMemberRepository,
    private readonly groupRows: GroupRepository,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly groups: GroupsService,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /**
   * Invites a member by username (they find it under their invitations) or an address by a one-use link.
   * The link's token is answered to the inviter too, so they can pass it on another way.
   */
  async invite(caller: Caller, slug: string, dto: InviteDto): Promise<{ id: string; token?: string }> {
    const group = await this.groups.find(caller, slug);
    this.access.assertCan(caller, { action: 'group.manageMembers', group });
    if ((dto.username === undefined) === (dto.email === undefined)) throw new InvalidInputError('send exactly one of username or email');
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
    if (dto.username !== undefined) {
      const user = await this.users.findActiveByUsername(dto.username);
      if (!user) throw new InvalidInputError('username does not name a member');
      const saved = await this.dataSource.transaction(async (manager) => {
        // Under the group's row lock (as membership changes are): two invitations sent at once make one.
        await this.groupRows.lock(group.id, manager);
        if (await this.memberships.isMember(group.id, user.id, manager)) {
          throw new ConflictError('This member is already in the group');
        }
        const open = await this.invitations.findOpenFor(group.id, user.id, manager);
        if (open) return { id: open.id, created: false };
        const id = await this.invitations.insert(
          { groupId: group.id, userId: user.id, tokenHash: null, invitedById: caller.userId, expiresAt },
          manager,
        );
        return { id, created: true };
      });
      if (!saved.created) return { id: saved.id };
      this.events.publish('GroupInvited', { groupId: group.id, invitationId: saved.id, userId: user.id, invitedById: caller.userId });
      return { id: saved.id };
    }
    const token = newToken();
    const { siteName } = await this.settings.get();
    const id = await this.dataSource.transaction(async (manager) => {
      const savedId = await this.invitations.insert(
        { groupId: group.id, userId: null, tokenHash: hashToken(token), invitedById: caller.userId, expiresAt },
        manager,
      );
      const link = `${this.config.publicUrl}/invitations/${savedId}?token=${encodeURIComponent(token)}`;
      await this.mail.enqueue(groupInvitationMail(dto.email as string, siteName, group.name, caller.username, link), manager);
      return savedId;
    });
    return { id, token };
  }

  /** The caller's open invitations by username. */
  async mine(caller: Caller): Promise<{ items: GroupInvitationDto[] }> {
    const rows = await this.invitations.openFor(caller.userId);
    const users = await this.userDtos(rows.map((row) => row.invitedById));
    return { items: rows.map((row) => toInvitationDto(row, userOf(users, row.invitedById))) };
  }

  /** What an emailed link shows before it is accepted: the group's name and who invited. */
  async preview(caller: Caller, id: string, token: string | undefined): Promise<GroupInvitationDto> {
    const invitation = await this.open(this.dataSource.manager, caller, id, token);
    const users = await this.userDtos([invitation.invitedById]);
    return toInvitationDto(invitation, userOf(users, invitation.invitedById));
  }

  /** Accepting makes the caller a member; the invitation is then used up. */
  async accept(caller: Caller, id: string, token: string | undefined): Promise<void> {
    const groupId = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.open(manager, caller, id, token, true);
      await this.invitations.markAnswered(invitation.id, manager);
      await this.addMember(manager, invitation.groupId, caller.userId);
      return invitation.groupId;
    });
    this.events.publish('GroupMembershipChanged', { groupId, userId: caller.userId });
  }

  async decline(caller: Caller, id: string, token: string | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.open(manager, caller, id, token, true);
      await this.invitations.markAnswered(invitation.id, manager);
    });
  }

  /**
   * Asks to join. A public group lets the member in at once; a private one waits for an owner or group
   * moderator. A hidden group cannot be asked (it is a 404, as for any group the caller cannot see).
   */
  async requestToJoin(caller: Caller, slug: string, message: string | undefined): Promise<{ id: string; status: 'pending' | 'approved' }> {
    const group = await this.groups.find(caller, slug);
    if (this.access.groupRole(caller, group)) throw new ConflictError('You are already in this group');
    this.access.assertCan(caller, { action: 'group.requestToJoin', group });
    const open = group.visibility === 'public';
    const id = await this.dataSource.transaction(async (manager) => {
      // The member's row held first (as their deletion takes it): a request racing it leaves no message behind the erasure.
      await this.users.holdWriter(caller.userId, manager);
      const requestId = await this.joinRequests.request(group.id, caller.userId, message ?? '', open, manager);
      if (open) await this.addMember(manager, group.id, caller.userId);
      return requestId;
    });
    if (open) this.events.publish('GroupMembershipChanged', { groupId: group.id, userId: caller.userId });
    else this.events.publish('GroupJoinRequested', { groupId: group.id, requestId: id, userId: caller.userId });
    return { id, status: open ? 'approved' : 'pending' };
  }

  async pendingRequests(caller: Caller, slug: string): Promise<{ items: JoinRequestDto[] }> {
    const group = await this.groups.find(caller, slug);
    this.access.assertCan(caller, { action: 'group.manageMembers', group });
    const rows = await this.joinRequests.pending(group.id, 200);
    const users = await this.userDtos(rows.map((row) => row.userId));
    return { items: rows.map((row) => toJoinRequestDto(row, userOf(users, row.userId))) };
  }

  async decide(caller: Caller, slug: string, requestId: string, decision: 'approved' | 'declined'): Promise<void> {
    const group = await this.groups.find(caller, slug);
    this.access.assertCan(caller, { action: 'group.manageMembers', group });
    const userId = await this.dataSource.transaction(async (manager) => {
      const request = isUuid(requestId) ? await this.joinRequests.lockPending(requestId, group.id, manager) : null;
      if (!request) throw new NotFoundError();
      await this.joinRequests.decide(request.id, decision, manager);
      if (decision === 'approved') await this.addMember(manager, group.id, request.userId);
      return request.userId;
    });
    if (decision === 'approved') this.events.publish('GroupMembershipChanged', { groupId: group.id, userId });
  }

  /**
   * An open invitation the caller may answer: theirs by username, or any emailed one whose token they hold.
   * Anything else, someone else's included, is the same 404 as a missing id.
   */
  private async open(
    manager: EntityManager,
    caller: Caller,
    id: string,
    token: string | undefined,
    lock = false,
  ): Promise<GroupInvitation> {
    const invitation = isUuid(id) ? await this.invitations.findOpen(id, { lock }, manager) : null;
    const mine =
      invitation !== null &&
      (invitation.userId === caller.userId ||
        (invitation.tokenHash !== null && token !== undefined && invitation.tokenHash === hashToken(token)));
    if (!invitation || !mine) throw new NotFoundError();
    return invitation;
  }

  /** Members' public shapes by id, in one query. */
  private async userDtos(ids: string[]): Promise<Map<string, UserDto>> {
    return new Map((await this.users.findByIds(ids)).map((user) => [user.id, toUserDto(user)]));
  }

  /** Adds a member (nothing if they already are) and keeps the count right, inside the caller's transaction. */
  private async addMember(manager: EntityManager, groupId: string, userId: string): Promise<void> {
    if (await this.memberships.add(groupId, userId, 'member', manager)) await this.groupRows.addToMemberCount(groupId, 1, manager);
  }
}

/** Invitations and requests go with their member (a foreign key that cascades), so a missing one is a bug. */
function userOf(users: Map<string, UserDto>, id: string): UserDto {
  const user = users.get(id);
  if (!user) throw new Error(`member ${id} of an invitation or join request is missing`);
  return user;
}
