import type { Caller } from '@harbour/access';
import { toUserDto } from '@harbour/accounts';
import type { GroupCan, GroupDto, GroupInvitationDto, JoinRequestDto } from '@harbour/contracts';
import type { Group } from './group.entity';
import type { GroupInvitation } from './group-invitation.entity';
import type { JoinRequest } from './join-request.entity';

/** `can` comes from AccessService.groupCan, the same rules the routes enforce. */
export function toGroupDto(group: Group, caller: Caller | null, can: GroupCan, pendingRequest = false): GroupDto {
  return {
    id: group.id,
    name: group.name,
    slug: group.slug,
    description: group.description,
    visibility: group.visibility,
    memberCount: group.memberCount,
    myRole: caller?.groups[group.id] ?? null,
    myJoinRequestPending: pendingRequest,
    can,
  };
}

export function toInvitationDto(invitation: GroupInvitation): GroupInvitationDto {
  if (!invitation.group || !invitation.invitedBy) throw new Error('toInvitationDto needs group and invitedBy loaded');
  return {
    id: invitation.id,
    group: { id: invitation.group.id, name: invitation.group.name, slug: invitation.group.slug },
    invitedBy: toUserDto(invitation.invitedBy),
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export function toJoinRequestDto(request: JoinRequest): JoinRequestDto {
  if (!request.user) throw new Error('toJoinRequestDto needs user loaded');
  return { id: request.id, user: toUserDto(request.user), message: request.message, createdAt: request.createdAt.toISOString() };
}
