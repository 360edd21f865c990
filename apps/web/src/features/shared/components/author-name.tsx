import type { UserDto } from '@harbour/contracts';
import { RouteLink } from '../../../ui/route-link';

/**
 * `deleted-<n>` is what is left of an account whose member left (their kept posts are signed so): it has
 * no profile, so /u/deleted-<n> would be a dead page. Registration refuses names starting with `deleted-`,
 * so no living member is mistaken for one.
 */
export function isDeletedMember(user: Pick<UserDto, 'username'>): boolean {
  return /^deleted-/i.test(user.username);
}

/** A member's name where they are named as an author: a link to their profile, plain text when they left. */
export function AuthorName({ user }: { user: Pick<UserDto, 'username' | 'displayName'> }) {
  if (isDeletedMember(user)) return <>{user.displayName}</>;
  return <RouteLink to={`/u/${encodeURIComponent(user.username)}`}>{user.displayName}</RouteLink>;
}
