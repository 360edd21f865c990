import type { AccessQuestion } from './access-questions';
import type { AccessService } from './access.service';
import type { Caller } from './caller';

/**
 * The roles the policy tables (policy-table.spec.ts and the per-feature *-policy.spec.ts) answer for, in the
 * order of each row's letters, and one caller of each. Suspended and banned members have no session: they ask
 * as `anonymous`, which the authorization matrix proves.
 */
export const ROLES = ['anonymous', 'outsider', 'member', 'groupModerator', 'groupOwner', 'silenced', 'moderator', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

/** The one group of the tables: its members, moderators and owners are the group roles. */
export const G = '00000000-0000-4000-8000-000000000001';

function caller(userId: string, role: Caller['role'], groups: Caller['groups'], silenced = false): Caller {
  return { userId, username: userId, role, locale: 'en', sessionId: `s-${userId}`, via: 'bearer', groups, silenced };
}

export const callers: Record<RoleName, Caller | null> = {
  anonymous: null,
  outsider: caller('outsider', 'member', {}),
  member: caller('member', 'member', { [G]: 'member' }),
  groupModerator: caller('groupModerator', 'member', { [G]: 'moderator' }),
  groupOwner: caller('groupOwner', 'member', { [G]: 'owner' }),
  silenced: caller('silenced', 'member', { [G]: 'member' }, true),
  moderator: caller('moderator', 'moderator', {}),
  admin: caller('admin', 'admin', {}),
};

/** A question's answers as a row's letters: Y or N for each role, in ROLES order. */
export function answersOf(access: AccessService, question: AccessQuestion): string {
  return ROLES.map((role) => (access.can(callers[role], question) ? 'Y' : 'N')).join('');
}
