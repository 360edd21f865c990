import type { UserDto } from './accounts';

export const GROUP_VISIBILITIES = ['public', 'private', 'hidden'] as const;
/** public: anyone sees the group and its members; private: anyone sees that it exists; hidden: only its members do. */
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

export const GROUP_ROLES = ['owner', 'moderator', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface GroupDto {
  id: string;
  name: string;
  slug: string;
  description: string;
  visibility: GroupVisibility;
  memberCount: number;
  myRole: GroupRole | null;
  /** The caller has asked to join and nobody has answered yet. */
  myJoinRequestPending: boolean;
  can: GroupCan;
}

/** What the caller may do with a group (api.md 1.1): `manage` is owner level, `invite` group-moderator level. */
export interface GroupCan {
  /** Join at once (a public group). */
  join: boolean;
  /** Ask to join (a private group): the owners and moderators decide. */
  requestToJoin: boolean;
  invite: boolean;
  manage: boolean;
  leave: boolean;
  /** Write to the group's owners and moderators (its support desk): a member who is not one of them. */
  message: boolean;
}

export interface GroupMemberDto {
  user: UserDto;
  role: GroupRole;
}

export interface GroupInvitationDto {
  id: string;
  group: Pick<GroupDto, 'id' | 'name' | 'slug'>;
  invitedBy: UserDto;
  createdAt: string;
  expiresAt: string;
}

export interface JoinRequestDto {
  id: string;
  user: UserDto;
  message: string;
  createdAt: string;
}

/**
 * Who may do what in a group's category. `everyone` means anyone who may see the site (for `see`) or
 * any signed-in member (for `start` and `reply`); `members` are members of the owning group or of a
 * group it is shared with; `moderators` are the owning group's owners and moderators.
 */
export const SPACE_AUDIENCES = ['everyone', 'members', 'moderators'] as const;
export type SpaceAudience = (typeof SPACE_AUDIENCES)[number];

export interface CategoryAccessDto {
  see: Exclude<SpaceAudience, 'moderators'>;
  start: SpaceAudience;
  reply: SpaceAudience;
}

// Request bodies (see accounts.ts).

export interface CreateGroupBody {
  name: string;
  slug: string;
  description?: string;
  visibility: GroupVisibility;
}

export type UpdateGroupBody = Partial<Pick<CreateGroupBody, 'name' | 'description' | 'visibility'>>;

/** Exactly one of the two (the server says so when both or neither arrive). */
export interface InviteBody {
  username?: string;
  email?: string;
}

export interface AcceptInvitationBody {
  /** The one-use token of an emailed invitation (absent for an invitation by username). */
  token?: string;
}

export interface JoinRequestBody {
  message?: string;
}

export interface ChangeGroupRoleBody {
  role: GroupRole;
}
