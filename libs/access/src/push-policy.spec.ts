import type { AccessQuestion } from './access-questions';
import { AccessService } from './access.service';
import { answersOf } from './policy-roles.fixture';

/**
 * `push.subscribe` and `push.unsubscribe`, stated as policy-table.spec.ts states the rest (same roles, same
 * letters). (Their own file: that table is at its length limit.)
 */
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
    expect(answersOf(access, question)).toBe(expected);
  });
});
