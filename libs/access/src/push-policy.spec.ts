import type { AccessQuestion } from './access-questions';
import { AccessService } from './access.service';
import type { Caller } from './caller';

/**
 * `push.subscribe` and `push.unsubscribe`, stated as policy-table.spec.ts states the rest (same roles, same
 * letters). (Their own file: that table is at its length limit.)
 */
const ROLES = ['anonymous', 'outsider', 'member', 'groupModerator', 'groupOwner', 'silenced', 'moderator', 'admin'] as const;
const G = '00000000-0000-4000-8000-000000000001';

function caller(userId: string, role: Caller['role'], groups: Caller['groups'], silenced = false): Caller {
  return { userId, username: userId, role, locale: 'en', sessionId: `s-${userId}`, via: 'bearer', groups, silenced };
}

const callers: Record<(typeof ROLES)[number], Caller | null> = {
  anonymous: null,
  outsider: caller('outsider', 'member', {}),
  member: caller('member', 'member', { [G]: 'member' }),
  groupModerator: caller('groupModerator', 'member', { [G]: 'moderator' }),
  groupOwner: caller('groupOwner', 'member', { [G]: 'owner' }),
  silenced: caller('silenced', 'member', { [G]: 'member' }, true),
  moderator: caller('moderator', 'moderator', {}),
  admin: caller('admin', 'admin', {}),
};

//               anon, outsider, member, group moderator, group owner, silenced, site moderator, admin
const TABLE: [string, AccessQuestion, string][] = [
  // Receiving pushes changes nothing others see: a silenced member may still be told of replies.
  ['receive web pushes on a device', { action: 'push.subscribe' }, 'NYYYYYYY'],
  // A device's pushes are its member's alone: no role, an admin's included, stops someone else's.
  ['stop the member’s web pushes', { action: 'push.unsubscribe', subscription: { userId: 'member' } }, 'NNYNNNNN'],
];

describe('the push policy', () => {
  const access = new AccessService();
  it.each(TABLE)('%s', (_name, question, expected) => {
    expect(ROLES.map((role) => (access.can(callers[role], question) ? 'Y' : 'N')).join('')).toBe(expected);
  });
});
