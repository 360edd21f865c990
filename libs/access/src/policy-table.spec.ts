import type { AccessQuestion, CategoryRef, ConversationRef, RecipientRef, SiteRules } from './access-questions';
import { AccessService } from './access.service';
import type { Caller } from './caller';
import { answersOf, callers, G } from './policy-roles.fixture';
import { actingRole } from './staff-two-factor';

/**
 * The policy, stated once as a table: each row is a question about one object, each letter the answer for one
 * role, in this order. A change of rule changes a letter here, on purpose, or this test fails.
 * (Suspended and banned members have no session: they ask as `anonymous`, which the authorization matrix proves.)
 */
const site: SiteRules = { loginRequired: false, groupCreation: 'members' };
const siteCategory: CategoryRef = {
  groupId: null,
  sharedGroupIds: [],
  seeAccess: 'everyone',
  startAccess: 'everyone',
  replyAccess: 'everyone',
  topicsVisibleTo: 'everyone',
};
/** A group's private space: its members see, start and reply. */
const space: CategoryRef = {
  groupId: G,
  sharedGroupIds: [],
  seeAccess: 'members',
  startAccess: 'members',
  replyAccess: 'members',
  topicsVisibleTo: 'everyone',
};
/** A group's announcements: everyone reads, only the group's moderators write. */
const announcements: CategoryRef = {
  groupId: G,
  sharedGroupIds: [],
  seeAccess: 'everyone',
  startAccess: 'moderators',
  replyAccess: 'moderators',
  topicsVisibleTo: 'everyone',
};
/** A site category where only site staff start topics (an announcements category); everyone replies. */
const staffStarted: CategoryRef = { ...siteCategory, startAccess: 'moderators' };
const othersPost = { authorId: 'someone', wiki: false, deleted: false };
const group = { id: G, visibility: 'hidden' as const };
const between: ConversationRef = { groupId: null, caller: null, participantCount: 2 };
const named: ConversationRef = { ...between, caller: 'participant' };
const inbox: ConversationRef = { groupId: G, caller: null, participantCount: 1 };
const recipient: RecipientRef = { id: 'someone', messagesFrom: 'everyone', blockedCaller: false, sharesGroup: false };

//               anon, outsider, member, group moderator, group owner, silenced, site moderator, admin
const TABLE: [string, AccessQuestion, string][] = [
  ['see a site category', { action: 'category.see', category: siteCategory, site }, 'YYYYYYYY'],
  ['see a private space', { action: 'category.see', category: space, site }, 'NNYYYYNY'],
  ['start a topic in a site category', { action: 'topic.create', category: siteCategory, site }, 'NYYYYYYY'],
  ['start a topic in announcements', { action: 'topic.create', category: announcements, site }, 'NNNYYNNY'],
  ['start a topic in a staff-started site category', { action: 'topic.create', category: staffStarted, site }, 'NNNNNNYY'],
  ['reply in a staff-started site category', { action: 'post.reply', category: staffStarted, site, topic: { locked: false } }, 'NYYYYYYY'],
  ['reply in a private space', { action: 'post.reply', category: space, site, topic: { locked: false } }, 'NNYYYYNY'],
  ['reply in a locked site topic', { action: 'post.reply', category: siteCategory, site, topic: { locked: true } }, 'NNNNNNYY'],
  ['reply in a locked topic of a space', { action: 'post.reply', category: space, site, topic: { locked: true } }, 'NNNYYNNY'],
  ['reply in announcements', { action: 'post.reply', category: announcements, site, topic: { locked: false } }, 'NNNYYNNY'],
  ['moderate a site topic', { action: 'topic.moderate', category: siteCategory, site }, 'NNNNNNYY'],
  ['moderate a topic of a space', { action: 'topic.moderate', category: space, site }, 'NNNYYNNY'],
  ['edit someone’s post, site', { action: 'post.edit', category: siteCategory, site, post: othersPost }, 'NNNNNNYY'],
  ['edit someone’s post, space', { action: 'post.edit', category: space, site, post: othersPost }, 'NNNYYNNY'],
  ['edit the member’s own post', { action: 'post.edit', category: space, site, post: { ...othersPost, authorId: 'member' } }, 'NNYYYNNY'],
  ['edit someone’s wiki, space', { action: 'post.edit', category: space, site, post: { ...othersPost, wiki: true } }, 'NNYYYYNY'],
  ['edit a deleted post', { action: 'post.edit', category: siteCategory, site, post: { ...othersPost, deleted: true } }, 'NNNNNNNN'],
  ['make someone’s post a wiki, space', { action: 'post.setWiki', category: space, site, post: othersPost }, 'NNNYYNNY'],
  ['delete someone’s post, site', { action: 'post.delete', category: siteCategory, site, post: othersPost }, 'NNNNNNYY'],
  ['delete someone’s post, space', { action: 'post.delete', category: space, site, post: othersPost }, 'NNNYYNNY'],
  ['read someone’s hidden post, site', { action: 'post.seeHidden', category: siteCategory, site, post: othersPost }, 'NNNNNNYY'],
  ['read someone’s hidden post, space', { action: 'post.seeHidden', category: space, site, post: othersPost }, 'NNNYYNNY'],
  [
    'read one’s own hidden post',
    { action: 'post.seeHidden', category: space, site, post: { ...othersPost, authorId: 'member' } },
    'NNYYYNNY',
  ],
  ['react in a private space', { action: 'post.react', category: space, site, post: othersPost }, 'NNYYYYNY'],
  ['quote from a site category', { action: 'post.quote', category: siteCategory, site, post: othersPost }, 'NYYYYYYY'],
  ['rename someone’s topic, space', { action: 'topic.editTitle', category: space, site, topic: { authorId: 'someone' } }, 'NNNYYNNY'],
  ['report the member’s post, site', { action: 'flag.create', category: siteCategory, site, targetAuthorId: 'member' }, 'NYNYYYYY'],
  ['bypass rate limits', { action: 'rateLimits.exempt' }, 'NNNNNNYY'],
  ['post without review', { action: 'review.exempt' }, 'NNNNNNYY'],
  ['see who reported', { action: 'report.seeReporters' }, 'NNNNNNYY'],
  ['open the review queue', { action: 'moderation.queue' }, 'NNNYYNYY'],
  ['act on a report about a member', { action: 'moderation.act', category: null }, 'NNNNNNYY'],
  ['act on a report in a space', { action: 'moderation.act', category: space }, 'NNNYYNNY'],
  ['see a held post of the member, space', { action: 'held.see', category: space, authorId: 'member' }, 'NNYYYNNY'],
  ['read the moderation log', { action: 'moderation.log' }, 'NNNNNNYY'],
  ['read every log entry, unscoped', { action: 'moderation.logAll' }, 'NNNNNNNY'],
  ['read a member’s record', { action: 'moderation.member' }, 'NNNNNNYY'],
  ['approve someone else’s unmask request', { action: 'unmask.approve', requesterId: 'someone' }, 'NNNNNNNY'],
  ['read the unmask requests', { action: 'unmask.review' }, 'NNNNNNNY'],
  ['sanction a member', { action: 'user.sanction', target: { id: 'outsider', role: 'member' } }, 'NNNNNNYY'],
  ['sanction a moderator', { action: 'user.sanction', target: { id: 'moderator', role: 'moderator' } }, 'NNNNNNNY'],
  ['change a member’s role', { action: 'user.changeRole', target: { id: 'outsider', role: 'member' } }, 'NNNNNNNY'],
  // Blocking is self-protection: every signed-in member, silenced too, may block anyone (staff included) but themself.
  ['block the outsider', { action: 'user.block', target: { id: 'outsider' } }, 'NNYYYYYY'],
  ['block a site moderator', { action: 'user.block', target: { id: 'moderator' } }, 'NYYYYYNY'],
  ['create a site category', { action: 'category.create', groupId: null }, 'NNNNNNNY'],
  ['edit a site category', { action: 'category.edit', category: siteCategory }, 'NNNNNNNY'],
  ['edit a space', { action: 'category.edit', category: space }, 'NNNNYNNY'],
  ['see a hidden group', { action: 'group.see', group, site }, 'NNYYYYNY'],
  ['see a hidden group’s members', { action: 'group.seeMembers', group, site }, 'NNYYYYNY'],
  ['manage a group’s members', { action: 'group.manageMembers', group }, 'NNNYYNNY'],
  ['edit a group', { action: 'group.edit', group }, 'NNNNYNNY'],
  ['create a group', { action: 'group.create', site }, 'NYYYYYYY'],
  ['export one’s data or delete one’s account', { action: 'account.leave' }, 'NYYYYYYY'],
  ['delete a member’s account', { action: 'user.delete', target: { id: 'outsider', role: 'member' } }, 'NNNNNNNY'],
  ['delete a moderator’s account', { action: 'user.delete', target: { id: 'moderator', role: 'moderator' } }, 'NNNNNNNY'],
  ['delete an admin’s account', { action: 'user.delete', target: { id: 'someone', role: 'admin' } }, 'NNNNNNNN'],
  ['set up one’s own two-factor', { action: 'twoFactor.manage' }, 'NYYYYYYY'],
  ['change one’s own password or address, list one’s sessions', { action: 'account.secure' }, 'NYYYYYYY'],
  ['end one’s own session', { action: 'session.end', session: { userId: 'member' } }, 'NNYNNNNN'],
  ['end the outsider’s session', { action: 'session.end', session: { userId: 'outsider' } }, 'NYNNNNNN'],
  ['change one’s name, pronouns or bio', { action: 'profile.edit' }, 'NYYYYNYY'],
  ['see a member’s profile', { action: 'profile.see', site }, 'YYYYYYYY'],
  ['see a member’s profile, login-only site', { action: 'profile.see', site: { ...site, loginRequired: true } }, 'NYYYYYYY'],
  ['hide one’s membership of a group from one’s profile', { action: 'group.hideMembership', group }, 'NNYYYYNN'],
  // Conversations: no site role opens one; a group inbox is its group's current staff's until they leave it.
  ['see a conversation one is not in', { action: 'conversation.see', conversation: between }, 'NNNNNNNN'],
  ['see a conversation one is named in', { action: 'conversation.see', conversation: { ...between, caller: 'participant' } }, 'NYYYYYYY'],
  ['see a group’s inbox conversation', { action: 'conversation.see', conversation: inbox }, 'NNNYYNNN'],
  ['see a group’s inbox conversation one left', { action: 'conversation.see', conversation: { ...inbox, caller: 'left' } }, 'NNNNNNNN'],
  ['write in a conversation one is not in', { action: 'conversation.reply', conversation: between }, 'NNNNNNNN'],
  [
    'add someone to a full conversation',
    { action: 'conversation.invite', conversation: { ...named, participantCount: 20 }, max: 20 },
    'NNNNNNNN',
  ],
  ['add someone to a conversation', { action: 'conversation.invite', conversation: named, max: 20 }, 'NYYYYYYY'],
  ['edit the member’s message', { action: 'message.edit', conversation: named, message: { authorId: 'member' } }, 'NNYNNNNN'],
  ['report the member’s message', { action: 'message.flag', conversation: named, message: { authorId: 'member' } }, 'NYNYYYYY'],
  ['report a deleted member’s message', { action: 'message.flag', conversation: named, message: { authorId: null } }, 'NNNNNNNN'],
  ['write to someone open to everyone', { action: 'member.message', target: recipient }, 'NYYYYYYY'],
  ['write to someone open to nobody', { action: 'member.message', target: { ...recipient, messagesFrom: 'nobody' } }, 'NNNNNNNN'],
  [
    'write to someone open to their groups, sharing one',
    { action: 'member.message', target: { ...recipient, messagesFrom: 'groups', sharesGroup: true } },
    'NYYYYYYY',
  ],
  [
    'write to someone open to their groups, sharing none',
    { action: 'member.message', target: { ...recipient, messagesFrom: 'groups' } },
    'NNNNNNNN',
  ],
  ['write to someone who blocked the writer', { action: 'member.message', target: { ...recipient, blockedCaller: true } }, 'NNNNNNNN'],
  ['write to a group’s staff', { action: 'group.message', group: { ...group, visibility: 'public' }, site }, 'NYYNNYYY'],
  ['upload a file', { action: 'upload.create' }, 'NYYYYNYY'],
  ['fetch the member’s unused file', { action: 'upload.see', upload: { uploaderId: 'member' }, usedWhereSeen: false }, 'NNYNNNNN'],
  ['fetch a file used where one sees it', { action: 'upload.see', upload: { uploaderId: 'member' }, usedWhereSeen: true }, 'YYYYYYYY'],
];

describe('the policy table', () => {
  const access = new AccessService();

  it.each(TABLE)('%s', (_name, question, expected) => {
    const answers = answersOf(access, question);
    expect(answers).toBe(expected);
  });

  it('answers every question at least once', () => {
    const asked = new Set(TABLE.map(([, question]) => question.action));
    const all: AccessQuestion['action'][] = [
      'user.changeRole',
      'twoFactor.manage',
      'account.secure',
      'session.end',
      'profile.edit',
      'user.block',
      'category.create',
      'category.edit',
      'category.see',
      'topic.create',
      'post.reply',
      'post.edit',
      'post.delete',
      'post.setWiki',
      'post.react',
      'post.quote',
      'post.seeHidden',
      'topic.editTitle',
      'topic.moderate',
      'rateLimits.exempt',
      'review.exempt',
      'group.create',
      'group.see',
      'group.seeMembers',
      'group.manageMembers',
      'group.edit',
      'flag.create',
      'moderation.queue',
      'moderation.act',
      'report.seeReporters',
      'user.sanction',
      'moderation.log',
      'moderation.member',
      'held.see',
      'account.leave',
      'user.delete',
      'profile.see',
      'group.hideMembership',
      'conversation.see',
      'conversation.reply',
      'conversation.invite',
      'message.edit',
      'message.flag',
      'member.message',
      'group.message',
      'upload.create',
      'upload.see',
    ];
    expect(all.filter((action) => !asked.has(action))).toEqual([]);
  });
});

describe('can, as the client is told', () => {
  const access = new AccessService();
  const lockedTopic = { authorId: 'someone', locked: true };

  it('gives a group moderator the moderation controls of their space, and a site moderator none there', () => {
    expect(access.topicCan(callers.groupModerator, space, site, lockedTopic)).toEqual({
      reply: true,
      edit: true,
      moderate: true,
      flag: true,
    });
    expect(access.topicCan(callers.moderator, siteCategory, site, lockedTopic)).toEqual({
      reply: true,
      edit: true,
      moderate: true,
      flag: true,
    });
    expect(access.categoryCan(callers.moderator, announcements, site)).toEqual({ startTopic: false, moderate: false, edit: false });
  });

  it('shows no composer where only moderators reply, and none in a locked topic', () => {
    expect(access.topicCan(callers.member, announcements, site, { authorId: 'someone', locked: false }).reply).toBe(false);
    expect(access.topicCan(callers.member, siteCategory, site, lockedTopic).reply).toBe(false);
    expect(access.categoryCan(callers.member, announcements, site).startTopic).toBe(false);
  });

  it('lets a silenced member and a visitor do nothing', () => {
    for (const who of [callers.silenced, callers.anonymous]) {
      expect(access.postCan(who, space, site, othersPost)).toEqual({ edit: false, delete: false, react: false, flag: false, quote: false });
      expect(access.topicCan(who, space, site, { authorId: 'silenced', locked: false })).toEqual({
        reply: false,
        edit: false,
        moderate: false,
        flag: false,
      });
      expect(access.groupCan(who, { ...group, visibility: 'public', ownerCount: 1 })).toEqual({
        join: false,
        requestToJoin: false,
        invite: false,
        manage: false,
        leave: false,
        message: false,
      });
    }
  });

  it('offers joining a public group, asking a private one, and never leaving to a sole owner', () => {
    expect(access.groupCan(callers.outsider, { ...group, visibility: 'public', ownerCount: 1 })).toMatchObject({
      join: true,
      requestToJoin: false,
    });
    expect(access.groupCan(callers.outsider, { ...group, visibility: 'private', ownerCount: 1 })).toMatchObject({
      join: false,
      requestToJoin: true,
    });
    expect(access.groupCan(callers.groupOwner, { ...group, ownerCount: 1 })).toMatchObject({ leave: false, manage: true, invite: true });
    expect(access.groupCan(callers.groupOwner, { ...group, ownerCount: 2 }).leave).toBe(true);
    expect(access.groupCan(callers.groupModerator, { ...group, ownerCount: 1 })).toMatchObject({
      leave: true,
      manage: false,
      invite: true,
    });
  });

  it('never offers deleting or reporting a deleted post', () => {
    const deleted = { ...othersPost, deleted: true };
    expect(access.postCan(callers.admin, siteCategory, site, deleted)).toMatchObject({ delete: false, flag: false, edit: false });
  });
});

describe('staff and two-factor (the staffTwoFactor setting)', () => {
  const access = new AccessService();
  const as = (who: 'moderator' | 'admin', twoFactor: boolean, staffTwoFactor: boolean): Caller => ({
    ...callers[who]!,
    role: actingRole({ role: callers[who]!.role, twoFactor, staffTwoFactor }),
  });

  it.each([
    ['member', false, true, 'member'],
    ['moderator', false, false, 'moderator'],
    ['moderator', false, true, 'member'],
    ['moderator', true, true, 'moderator'],
    ['admin', false, true, 'member'],
    ['admin', true, true, 'admin'],
  ] as const)('a %s (two-factor %s, required %s) acts as %s', (role, twoFactor, staffTwoFactor, acting) => {
    expect(actingRole({ role, twoFactor, staffTwoFactor })).toBe(acting);
  });

  // Every staff answer of the table (one an outsider does not get, rows about the outsider themself aside): none
  // without two-factor where it is required.
  const staffRows = TABLE.filter(
    ([, question, letters]) =>
      letters[1] === 'N' && (letters[6] === 'Y' || letters[7] === 'Y') && !JSON.stringify(question).includes('"outsider"'),
  );

  it.each(staffRows)('gives staff without two-factor no staff answer: %s', (_name, question) => {
    expect([access.can(as('moderator', false, true), question), access.can(as('admin', false, true), question)]).toEqual([false, false]);
  });

  it.each(staffRows)('gives staff with two-factor the same answer as before: %s', (_name, question, letters) => {
    expect([access.can(as('moderator', true, true), question), access.can(as('admin', true, true), question)]).toEqual([
      letters[6] === 'Y',
      letters[7] === 'Y',
    ]);
  });

  it('shows it in can: no moderation controls for staff without two-factor', () => {
    expect(access.topicCan(as('admin', false, true), siteCategory, site, { authorId: 'someone', locked: false }).moderate).toBe(false);
    expect(access.topicCan(as('admin', true, true), siteCategory, site, { authorId: 'someone', locked: false }).moderate).toBe(true);
  });
});
