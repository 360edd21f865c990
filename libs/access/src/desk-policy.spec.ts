import type { AccessQuestion, CategoryRef, SiteRules } from './access-questions';
import { AccessService } from './access.service';
import { answersOf, G } from './policy-roles.fixture';

/**
 * Seeing a topic (policy-table.spec.ts's rule, stated for topics): whoever sees its category, except in a support
 * desk (`topicsVisibleTo: author`), where each member sees only the topics they started and the space's
 * moderators see all. (Its own file: that table is at its length limit.)
 */
const site: SiteRules = { loginRequired: false, groupCreation: 'members' };
const open: CategoryRef = {
  groupId: null,
  sharedGroupIds: [],
  seeAccess: 'everyone',
  startAccess: 'everyone',
  replyAccess: 'everyone',
  topicsVisibleTo: 'everyone',
};
const space: CategoryRef = { ...open, groupId: G, seeAccess: 'members', startAccess: 'members', replyAccess: 'members' };
const siteDesk: CategoryRef = { ...open, topicsVisibleTo: 'author' };
const spaceDesk: CategoryRef = { ...space, topicsVisibleTo: 'author' };
/** A group's desk open to everyone to read about: still only each author's own topics. */
const publicDesk: CategoryRef = { ...spaceDesk, seeAccess: 'everyone' };
const by = (category: CategoryRef, authorId: string): AccessQuestion => ({ action: 'topic.see', category, site, topic: { authorId } });

//               anon, outsider, member, group moderator, group owner, silenced, site moderator, admin
const TABLE: [string, AccessQuestion, string][] = [
  ['someone’s topic, site category', by(open, 'someone'), 'YYYYYYYY'],
  ['someone’s topic, private space', by(space, 'someone'), 'NNYYYYNY'],
  ['someone’s topic, site desk', by(siteDesk, 'someone'), 'NNNNNNYY'],
  ['someone’s topic, a space’s desk', by(spaceDesk, 'someone'), 'NNNYYNNY'],
  ['someone’s topic, a space’s desk open to everyone', by(publicDesk, 'someone'), 'NNNYYNNY'],
  ['the member’s own topic, site desk', by(siteDesk, 'member'), 'NNYNNNYY'],
  ['the member’s own topic, a space’s desk', by(spaceDesk, 'member'), 'NNYYYNNY'],
  ['the outsider’s own topic, a space’s desk open to everyone', by(publicDesk, 'outsider'), 'NYNYYNNY'],
];

describe('seeing a topic', () => {
  const access = new AccessService();

  it.each(TABLE)('of %s', (_name, question, expected) => {
    expect(answersOf(access, question)).toBe(expected);
  });
});
