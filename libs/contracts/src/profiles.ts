import type { UserDto } from './accounts';
import type { PostDto } from './forum';
import type { GroupDto } from './groups';

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
}

/** A post in `GET /api/users/:username/posts`, with the topic it belongs to. */
export interface ProfilePostDto extends PostDto {
  topic: { id: string; title: string };
}

/** `GET /api/users?prefix=&topicId=` (@mention completion). */
export interface UserSearchQuery {
  prefix: string;
  topicId?: string;
}
