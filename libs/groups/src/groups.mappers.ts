import type { Caller } from '@harbour/access';
import type { GroupCan, GroupDto, GroupInvitationDto, JoinRequestDto, UserDto } from '@harbour/contracts';
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

/** `invitedBy` is read through accounts' UserRepository (users are accounts' table). */
export function toInvitationDto(invitation: GroupInvitation, invitedBy: UserDto): GroupInvitationDto {
  if (!invitation.group) throw new Error('toInvitationDto needs the group loaded');
  return {
    id: invitation.id,
    group: { id: invitation.group.id, name: invitation.group.name, slug: invitation.group.slug },
    invitedBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export function toJoinRequestDto(request: JoinRequest, user: UserDto): JoinRequestDto {
  return { id: request.id, user, message: request.message, createdAt: request.createdAt.toISOString() };
}
