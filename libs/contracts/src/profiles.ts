import type { UserDto } from './accounts';
import type { PostDto } from './forum';
import type { GroupDto, GroupRole } from './groups';

/** `GET /api/users/:username`. The email never appears. */
export interface ProfileDto {
  user: UserDto;
  pronouns: string;
  bio: string;
  /** Month precision: `YYYY-MM`. */
  joinedAt: string;
  /** Posts the caller may see, leaving out hidden, deleted and anonymous ones. */
  postCount: number;
  /** Groups the caller may see whose membership the member has not hidden. */
  groups: GroupDto[];
  /** The caller may start a conversation with this member (their choice of who may write, and blocks). */
  canMessage: boolean;
}

/** A post in `GET /api/users/:username/posts`, with the topic it belongs to. */
export interface ProfilePostDto extends PostDto {
  topic: { id: string; title: string };
}

/**
 * `GET /api/users?prefix=&topicId=` (@mention completion). `categoryId` (a new topic's category) narrows the
 * same way as `topicId` where there is no topic yet.
 */
export interface UserSearchQuery {
  prefix: string;
  topicId?: string;
  categoryId?: string;
}

/** `GET /api/avatars/:userId?v=&size=`: `v` the version in `user.avatarUrl`, `size` the edge wanted in pixels. */
export interface AvatarQuery {
  v?: number;
  size?: number;
}

/** `GET /api/groups/:slug/membership`: the caller's own membership of a group. */
export interface GroupMembershipDto {
  role: GroupRole;
  /** Left off the member's profile (the group's own member list still shows it to whoever may see it). */
  hiddenOnProfile: boolean;
}

/** `PATCH /api/groups/:slug/membership`. */
export interface UpdateMembershipBody {
  hiddenOnProfile: boolean;
}
