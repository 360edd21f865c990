import type { AccessQuestion, CategoryRef, ConversationRef, DraftPlace, SiteRules } from './access-questions';
import { AccessService } from './access.service';
import { answersOf, G } from './policy-roles.fixture';

/**
 * `draft.write`, stated as policy-table.spec.ts states the rest (same roles, same letters): a draft is kept
 * where its writer may write what it drafts, and nowhere else. (Its own file: that table is at its length limit.)
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
const space: CategoryRef = {
  groupId: G,
  sharedGroupIds: [],
  seeAccess: 'members',
  startAccess: 'members',
  replyAccess: 'members',
  topicsVisibleTo: 'everyone',
};
const announcements: CategoryRef = { ...space, seeAccess: 'everyone', startAccess: 'moderators', replyAccess: 'moderators' };
const named: ConversationRef = { groupId: null, caller: 'participant', participantCount: 2 };
const inbox: ConversationRef = { groupId: G, caller: null, participantCount: 1 };
const at = (place: DraftPlace): AccessQuestion => ({ action: 'draft.write', place });

//               anon, outsider, member, group moderator, group owner, silenced, site moderator, admin
const TABLE: [string, AccessQuestion, string][] = [
  ['a reply in a site topic', at({ kind: 'topic', category: open, site, topic: { locked: false } }), 'NYYYYYYY'],
  ['a reply in a private space', at({ kind: 'topic', category: space, site, topic: { locked: false } }), 'NNYYYYNY'],
  ['a reply in a locked site topic', at({ kind: 'topic', category: open, site, topic: { locked: true } }), 'NNNNNNYY'],
  ['a topic in a private space', at({ kind: 'new-topic', category: space, site }), 'NNYYYYNY'],
  ['a topic in announcements', at({ kind: 'new-topic', category: announcements, site }), 'NNNYYNNY'],
  ['a message in a conversation one is named in', at({ kind: 'conversation', conversation: named }), 'NYYYYYYY'],
  ['a message in a conversation one is not in', at({ kind: 'conversation', conversation: { ...named, caller: null } }), 'NNNNNNNN'],
  ['a message in a group’s inbox', at({ kind: 'conversation', conversation: inbox }), 'NNNYYNNN'],
  ['a new conversation', at({ kind: 'new-conversation' }), 'NYYYYYYY'],
];

describe('keeping a draft', () => {
  const access = new AccessService();

  it.each(TABLE)('of %s', (_name, question, expected) => {
    expect(answersOf(access, question)).toBe(expected);
  });
});
