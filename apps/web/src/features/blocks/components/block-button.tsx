import type { UserDto } from '@harbour/contracts';

/** Placeholder of issue 15's skeleton: blocking's owner replaces it. Shown on a member's profile. */
export function BlockButton({ user }: { user: UserDto }) {
  void user;
  return null;
}
