import type { Role } from '@harbour/contracts';
import type { Caller } from './caller';

/**
 * Site-wide permissions a route can require with `@Authenticated({ permission })`. Object-level questions
 * ("may this member edit this post?") go through AccessService.assertCan instead.
 */
export type Permission = 'admin.settings' | 'admin.users' | 'admin.outbox' | 'admin.invitations' | 'admin.watchedWords' | 'admin.mailings';

const GRANTS: Record<Permission, readonly Role[]> = {
  'admin.settings': ['admin'],
  'admin.users': ['admin'],
  'admin.outbox': ['admin'],
  'admin.invitations': ['admin'],
  'admin.watchedWords': ['admin'],
  /** The mailing list and mailings: the network's staff, who answer for consent under CASL. */
  'admin.mailings': ['admin'],
};

export function hasPermission(caller: Caller | null, permission: Permission): boolean {
  return caller !== null && GRANTS[permission].includes(caller.role);
}
