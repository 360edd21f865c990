import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { sql } from '../support/database';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket } from '../support/sockets';

/**
 * Every route × every role, with the status each must get. A route that is served but missing here fails
 * the first test: access is declared for every route, never forgotten. When a role arrives with a later
 * feature (group owner, silenced, suspended, …), add it to ROLES and every row must say what it gets.
 */
const ROLES = ['anonymous', 'outsider', 'member', 'groupModerator', 'groupOwner', 'silenced', 'suspended', 'moderator', 'admin'] as const;
type MatrixRole = (typeof ROLES)[number];
/**
 * What each role gets. Two roles follow from the others, and the table says so once rather than on every
 * row: a silenced member (a member of the group) gets what a member gets on reads and 403 on every write;
 * a suspended member's token no longer works, so they get what an anonymous visitor gets.
 */
type DeclaredRole = Exclude<MatrixRole, 'silenced' | 'suspended'>;
type Expectation = Record<DeclaredRole, number>;

/**
 * Objects the rows act on: a public category, topic and post by a third member; a private group (the
 * member roles belong to it) with a category, topic and post; a hidden group with the same members.
 */
interface Fixtures {
  victim: string;
  category: string;
  topic: string;
  post: string;
  privateTopic: string;
  privatePost: string;
  privateCategory: string;
  group: { id: string; slug: string };
  hiddenGroup: { slug: string };
  bystander: TestMember;
  /** A new post by the third member, for rows that delete or change it. */
  freshPost: () => Promise<string>;
  /** A new member of the private group, for rows that remove one. */
  freshGroupMember: () => Promise<string>;
  /** A new pending join request to the private group. */
  freshJoinRequest: () => Promise<string>;
  /** A new open queue item: a fresh post reported by the bystander, on the public site or in the private group. */
  freshQueueItem: (where: 'public' | 'private') => Promise<string>;
  /** A new warning of the victim, to lift. */
  freshSanction: () => Promise<string>;
  /** A new invitation (to a group of its own) for the role calling, or a missing id for the anonymous. */
  invitationFor: (role: MatrixRole) => Promise<string>;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The concrete URL to call (defaults to path). */
  url?: (ids: Fixtures, role: MatrixRole) => string | Promise<string>;
  body?: object | ((ids: Fixtures) => object);
  expect: Expectation;
  /** The call ends the caller's session: run it on a session of its own. */
  ownSession?: boolean;
  /** A write a silenced member may still make (signing out). */
  evenSilenced?: boolean;
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const roles = (anonymous: number, others: number, overrides: Partial<Expectation> = {}): Expectation => ({
  anonymous,
  outsider: others,
  member: others,
  groupModerator: others,
  groupOwner: others,
  moderator: others,
  admin: others,
  ...overrides,
});
const everyone = (status: number): Expectation => roles(status, status);
const signedIn = (status: number): Expectation => roles(401, status);
const adminOnly = (status: number): Expectation => roles(401, 403, { admin: status });
const staffOnly = (status: number): Expectation => roles(401, 403, { moderator: status, admin: status });
/** The private group's spaces: its members and admins; everyone else gets the missing-id 404. */
const privateRead = (status: number): Expectation =>
  roles(404, 404, { member: status, groupModerator: status, groupOwner: status, admin: status });
const privateWrite = (status: number): Expectation => ({ ...privateRead(status), anonymous: 401 });
/** Acting on the (visible) private group as its owners and moderators; other members are refused. */
const groupManagers = (status: number): Expectation => roles(401, 403, { groupModerator: status, groupOwner: status, admin: status });
const groupOwners = (status: number): Expectation => roles(401, 403, { groupOwner: status, admin: status });
const heart = encodeURIComponent('❤️');

const MATRIX: Row[] = [
  { method: 'GET', path: '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/openapi.json', expect: everyone(200) },
  { method: 'GET', path: '/api/site', expect: everyone(200) },
  { method: 'POST', path: '/api/auth/register', body: {}, expect: everyone(400) },
  { method: 'POST', path: '/api/auth/login', body: {}, expect: everyone(400) },
  { method: 'POST', path: '/api/auth/logout', expect: signedIn(204), ownSession: true, evenSilenced: true },
  { method: 'POST', path: '/api/auth/password-reset', body: { email: 'nobody@example.org' }, expect: everyone(202) },
  { method: 'POST', path: '/api/auth/password-reset/confirm', body: { token: 'nope', password: 'long enough' }, expect: everyone(400) },
  { method: 'GET', path: '/api/me', expect: signedIn(200) },
  { method: 'PATCH', path: '/api/me', body: {}, expect: signedIn(200) },
  { method: 'GET', path: '/api/admin/settings', expect: adminOnly(200) },
  { method: 'PATCH', path: '/api/admin/settings', body: {}, expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/users', expect: adminOnly(200) },
  {
    method: 'PATCH',
    path: '/api/admin/users/:id',
    url: (f) => `/api/admin/users/${f.victim}`,
    body: { role: 'member' },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/users/:id/approve',
    url: (f) => `/api/admin/users/${f.victim}/approve`,
    expect: adminOnly(204),
  },
  { method: 'POST', path: '/api/admin/invitations', body: {}, expect: adminOnly(201) },
  { method: 'GET', path: '/api/admin/invitations', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/outbox', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/outbox/:id', url: () => '/api/admin/outbox/missing.eml', expect: adminOnly(404) },
  { method: 'GET', path: '/api/categories', expect: everyone(200) },
  { method: 'POST', path: '/api/categories', body: { name: 'Matrix' }, expect: adminOnly(201) },
  { method: 'GET', path: '/api/categories/:id', url: (f) => `/api/categories/${f.category}`, expect: everyone(200) },
  { method: 'GET', path: '/api/categories/:id/topics', url: (f) => `/api/categories/${f.category}/topics`, expect: everyone(200) },
  {
    method: 'PUT',
    path: '/api/categories/:id/notification-level',
    url: (f) => `/api/categories/${f.category}/notification-level`,
    body: { level: 'watching' },
    expect: signedIn(204),
  },
  { method: 'GET', path: '/api/topics', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/topics',
    body: (f: Fixtures) => ({ categoryId: f.category, title: 'Matrix topic', body: 'x' }),
    expect: signedIn(201),
  },
  { method: 'GET', path: '/api/topics/:id', url: (f) => `/api/topics/${f.topic}`, expect: everyone(200) },
  { method: 'GET', path: '/api/topics/:id', url: (f) => `/api/topics/${f.privateTopic}`, expect: privateRead(200) },
  { method: 'PATCH', path: '/api/topics/:id', url: (f) => `/api/topics/${f.topic}`, body: { pinned: false }, expect: staffOnly(200) },
  {
    method: 'PATCH',
    path: '/api/topics/:id',
    url: (f) => `/api/topics/${f.privateTopic}`,
    body: { pinned: false },
    expect: { ...privateWrite(403), groupModerator: 200, groupOwner: 200, admin: 200 },
  },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.topic}/posts`, expect: everyone(200) },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.privateTopic}/posts`, expect: privateRead(200) },
  {
    method: 'POST',
    path: '/api/topics/:id/posts',
    url: (f) => `/api/topics/${f.topic}/posts`,
    body: { body: 'reply' },
    expect: signedIn(201),
  },
  {
    method: 'POST',
    path: '/api/topics/:id/posts',
    url: (f) => `/api/topics/${f.privateTopic}/posts`,
    body: { body: 'reply' },
    expect: privateWrite(201),
  },
  {
    method: 'PUT',
    path: '/api/topics/:id/notification-level',
    url: (f) => `/api/topics/${f.topic}/notification-level`,
    body: { level: 'tracking' },
    expect: signedIn(204),
  },
  {
    method: 'PUT',
    path: '/api/topics/:id/read',
    url: (f) => `/api/topics/${f.topic}/read`,
    body: (f: Fixtures) => ({ postId: f.post }),
    expect: signedIn(204),
  },
  { method: 'GET', path: '/api/posts/:id', url: (f) => `/api/posts/${f.post}`, expect: everyone(200) },
  {
    method: 'PATCH',
    path: '/api/posts/:id',
    url: (f) => f.freshPost().then((id) => `/api/posts/${id}`),
    body: { body: 'edited' },
    expect: staffOnly(200),
  },
  { method: 'DELETE', path: '/api/posts/:id', url: (f) => f.freshPost().then((id) => `/api/posts/${id}`), expect: staffOnly(204) },
  { method: 'GET', path: '/api/posts/:id/revisions', url: (f) => `/api/posts/${f.post}/revisions`, expect: everyone(200) },
  { method: 'PUT', path: '/api/posts/:id/reactions/:emoji', url: (f) => `/api/posts/${f.post}/reactions/${heart}`, expect: signedIn(204) },
  {
    method: 'DELETE',
    path: '/api/posts/:id/reactions/:emoji',
    url: (f) => `/api/posts/${f.post}/reactions/${heart}`,
    expect: signedIn(204),
  },
  { method: 'PUT', path: '/api/posts/:id/bookmark', url: (f) => `/api/posts/${f.post}/bookmark`, expect: signedIn(204) },
  { method: 'DELETE', path: '/api/posts/:id/bookmark', url: (f) => `/api/posts/${f.post}/bookmark`, expect: signedIn(204) },
  { method: 'GET', path: '/api/bookmarks', expect: signedIn(200) },
  { method: 'POST', path: '/api/posts/preview', body: { body: '**hi**' }, expect: signedIn(200) },
  { method: 'GET', path: '/api/posts/:id', url: (f) => `/api/posts/${f.privatePost}`, expect: privateRead(200) },
  { method: 'GET', path: '/api/posts/:id/revisions', url: (f) => `/api/posts/${f.privatePost}/revisions`, expect: privateRead(200) },
  {
    method: 'PUT',
    path: '/api/posts/:id/reactions/:emoji',
    url: (f) => `/api/posts/${f.privatePost}/reactions/${heart}`,
    expect: privateWrite(204),
  },
  { method: 'GET', path: '/api/categories/:id', url: (f) => `/api/categories/${f.privateCategory}`, expect: privateRead(200) },
  {
    method: 'GET',
    path: '/api/categories/:id/topics',
    url: (f) => `/api/categories/${f.privateCategory}/topics`,
    expect: privateRead(200),
  },
  {
    method: 'POST',
    path: '/api/topics',
    body: (f: Fixtures) => ({ categoryId: f.privateCategory, title: 'Private matrix topic', body: 'x' }),
    // A category named in a body that the caller cannot see is a 400 naming the field, as for a missing one.
    expect: { ...privateWrite(201), outsider: 400, moderator: 400 },
  },
  {
    method: 'PATCH',
    path: '/api/categories/:id',
    url: (f) => `/api/categories/${f.category}`,
    body: { description: 'Open to all' },
    expect: adminOnly(200),
  },
  {
    method: 'PATCH',
    path: '/api/categories/:id',
    url: (f) => `/api/categories/${f.privateCategory}`,
    body: { description: 'For the group' },
    expect: { ...privateWrite(403), groupOwner: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/categories',
    body: (f: Fixtures) => ({ name: 'Group space', groupId: f.group.id }),
    // A group id the caller does not own reads as one of no group: a 400 naming the field.
    expect: roles(401, 400, { groupOwner: 201, admin: 201 }),
  },
  // Moderation comes before POST /api/groups: after that row every member role has founded a group of its
  // own, and a group's owner may open the queue (for their spaces).
  {
    method: 'POST',
    path: '/api/flags',
    body: (f: Fixtures) => ({ targetType: 'post', targetId: f.post, reason: 'spam' }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    path: '/api/flags',
    body: (f: Fixtures) => ({ targetType: 'post', targetId: f.privatePost, reason: 'spam' }),
    // The private post's author (the member) may not report their own post.
    expect: { ...privateWrite(201), member: 403 },
  },
  {
    method: 'POST',
    path: '/api/flags',
    body: (f: Fixtures) => ({ targetType: 'user', targetId: f.victim, reason: 'harassment' }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    path: '/api/moderation/queue',
    expect: roles(401, 403, { groupModerator: 200, groupOwner: 200, moderator: 200, admin: 200 }),
  },
  {
    method: 'POST',
    path: '/api/moderation/flags/:id/resolve',
    url: async (f) => `/api/moderation/flags/${await f.freshQueueItem('public')}/resolve`,
    body: { action: 'dismiss' },
    // Group moderators open the queue, but a site item is not theirs: it does not exist for them.
    expect: roles(401, 403, { groupModerator: 404, groupOwner: 404, moderator: 204, admin: 204 }),
  },
  {
    method: 'POST',
    path: '/api/moderation/flags/:id/resolve',
    url: async (f) => `/api/moderation/flags/${await f.freshQueueItem('private')}/resolve`,
    body: { action: 'dismiss' },
    // Site moderators do not moderate private spaces.
    expect: roles(401, 403, { groupModerator: 204, groupOwner: 204, moderator: 404, admin: 204 }),
  },
  {
    method: 'POST',
    path: '/api/moderation/users/:id/sanctions',
    url: (f) => `/api/moderation/users/${f.victim}/sanctions`,
    body: { type: 'warn', reason: 'Matrix warning' },
    expect: staffOnly(201),
  },
  {
    method: 'DELETE',
    path: '/api/moderation/users/:id/sanctions/:sanctionId',
    url: async (f) => `/api/moderation/users/${f.victim}/sanctions/${await f.freshSanction()}`,
    expect: staffOnly(204),
  },
  {
    method: 'POST',
    path: '/api/moderation/queue/:id/claim',
    url: async (f) => `/api/moderation/queue/${await f.freshQueueItem('public')}/claim`,
    expect: roles(401, 403, { groupModerator: 404, groupOwner: 404, moderator: 204, admin: 204 }),
  },
  { method: 'GET', path: '/api/moderation/users/:id', url: (f) => `/api/moderation/users/${f.victim}`, expect: staffOnly(200) },
  {
    method: 'POST',
    path: '/api/moderation/users/:id/notes',
    url: (f) => `/api/moderation/users/${f.victim}/notes`,
    body: { body: 'Matrix note' },
    expect: staffOnly(201),
  },
  { method: 'GET', path: '/api/moderation/log', expect: staffOnly(200) },
  { method: 'GET', path: '/api/me/sanctions', expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/me/sanctions/:id/acknowledge',
    url: () => `/api/me/sanctions/${MISSING}/acknowledge`,
    expect: signedIn(404),
    evenSilenced: true,
  },
  {
    method: 'POST',
    path: '/api/me/sanctions/:id/appeal',
    url: () => `/api/me/sanctions/${MISSING}/appeal`,
    body: { message: 'Please reconsider' },
    expect: signedIn(404),
    evenSilenced: true,
  },
  { method: 'GET', path: '/api/admin/watched-words', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/admin/watched-words',
    body: () => ({ word: `matrixword${Math.random().toString(36).slice(2, 8)}`, action: 'censor' }),
    expect: adminOnly(201),
  },
  { method: 'DELETE', path: '/api/admin/watched-words/:id', url: () => `/api/admin/watched-words/${MISSING}`, expect: adminOnly(404) },
  { method: 'GET', path: '/api/groups', expect: everyone(200) },
  {
    method: 'POST',
    path: '/api/groups',
    body: () => ({ name: 'Matrix group', slug: `m-${Math.random().toString(36).slice(2, 10)}`, visibility: 'private' }),
    expect: signedIn(201),
  },
  { method: 'GET', path: '/api/groups/:slug', url: (f) => `/api/groups/${f.group.slug}`, expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/groups/:slug',
    url: (f) => `/api/groups/${f.hiddenGroup.slug}`,
    expect: roles(404, 404, { member: 200, groupModerator: 200, groupOwner: 200, admin: 200 }),
  },
  {
    method: 'PATCH',
    path: '/api/groups/:slug',
    url: (f) => `/api/groups/${f.group.slug}`,
    body: { description: 'x' },
    expect: groupOwners(200),
  },
  {
    method: 'GET',
    path: '/api/groups/:slug/members',
    url: (f) => `/api/groups/${f.group.slug}/members`,
    expect: roles(401, 403, { member: 200, groupModerator: 200, groupOwner: 200, admin: 200 }),
  },
  {
    method: 'PATCH',
    path: '/api/groups/:slug/members/:userId',
    url: (f) => `/api/groups/${f.group.slug}/members/${f.bystander.user.id}`,
    body: { role: 'member' },
    expect: groupOwners(204),
  },
  {
    method: 'DELETE',
    path: '/api/groups/:slug/members/:userId',
    url: async (f) => `/api/groups/${f.group.slug}/members/${await f.freshGroupMember()}`,
    expect: groupManagers(204),
  },
  {
    method: 'POST',
    path: '/api/groups/:slug/invitations',
    url: (f) => `/api/groups/${f.group.slug}/invitations`,
    body: { username: 'matrix_invitee' },
    expect: groupManagers(201),
  },
  {
    method: 'POST',
    path: '/api/groups/:slug/join-requests',
    url: (f) => `/api/groups/${f.group.slug}/join-requests`,
    body: { message: 'Please' },
    // Members are in already: a conflict.
    expect: roles(401, 201, { member: 409, groupModerator: 409, groupOwner: 409 }),
  },
  {
    method: 'GET',
    path: '/api/groups/:slug/join-requests',
    url: (f) => `/api/groups/${f.group.slug}/join-requests`,
    expect: groupManagers(200),
  },
  {
    method: 'POST',
    path: '/api/groups/:slug/join-requests/:id/approve',
    url: async (f) => `/api/groups/${f.group.slug}/join-requests/${await f.freshJoinRequest()}/approve`,
    expect: groupManagers(204),
  },
  {
    method: 'POST',
    path: '/api/groups/:slug/join-requests/:id/decline',
    url: async (f) => `/api/groups/${f.group.slug}/join-requests/${await f.freshJoinRequest()}/decline`,
    expect: groupManagers(204),
  },
  { method: 'GET', path: '/api/invitations', expect: signedIn(200) },
  {
    method: 'GET',
    path: '/api/invitations/:id',
    url: async (f, role) => `/api/invitations/${await f.invitationFor(role)}`,
    expect: signedIn(200),
  },
  {
    method: 'POST',
    path: '/api/invitations/:id/accept',
    url: async (f, role) => `/api/invitations/${await f.invitationFor(role)}/accept`,
    body: {},
    expect: signedIn(204),
  },
  {
    method: 'POST',
    path: '/api/invitations/:id/decline',
    url: async (f, role) => `/api/invitations/${await f.invitationFor(role)}/decline`,
    body: {},
    expect: signedIn(204),
  },
  { method: 'GET', path: '/api/search', url: () => '/api/search?q=matrix', expect: everyone(200) },
  { method: 'GET', path: '/api/search', url: () => '/api/search', expect: everyone(400) },
  { method: 'GET', path: '/api/notifications', expect: signedIn(200) },
  { method: 'GET', path: '/api/notifications/unread-count', expect: signedIn(200) },
  { method: 'POST', path: '/api/notifications/read', body: { all: true }, expect: signedIn(204), evenSilenced: true },
  { method: 'GET', path: '/api/notifications/preferences', expect: signedIn(200) },
  { method: 'PATCH', path: '/api/notifications/preferences', body: { digest: 'off' }, expect: signedIn(200), evenSilenced: true },
  // The token decides, not the session: a forged one is refused for everyone alike.
  { method: 'POST', path: '/api/notifications/unsubscribe', body: { token: 'forged.token' }, expect: everyone(400), evenSilenced: true },
  // The mailing list's public side: the form, and links whose token decides (a forged one is refused alike).
  { method: 'POST', path: '/api/mailing/subscribe', body: { email: 'matrix@example.org' }, expect: everyone(202), evenSilenced: true },
  { method: 'GET', path: '/api/mailing/confirm', url: () => '/api/mailing/confirm?token=forged', expect: everyone(404) },
  { method: 'GET', path: '/api/mailing/unsubscribe', url: () => '/api/mailing/unsubscribe?token=forged', expect: everyone(400) },
  { method: 'POST', path: '/api/mailing/unsubscribe', body: { token: 'forged' }, expect: everyone(400), evenSilenced: true },
  { method: 'POST', path: '/api/mailing/resubscribe', body: { token: 'forged' }, expect: everyone(400), evenSilenced: true },
  { method: 'GET', path: '/api/mailing/me', expect: signedIn(200) },
  { method: 'PUT', path: '/api/mailing/me', body: { subscribed: false }, expect: signedIn(200), evenSilenced: true },
  // The list and the mailings: admins only (a JSON body is not a CSV import: 400 once allowed).
  { method: 'POST', path: '/api/mailing/subscribers/import', body: {}, expect: adminOnly(400) },
  { method: 'GET', path: '/api/mailing/subscribers', expect: adminOnly(200) },
  { method: 'GET', path: '/api/mailing/subscribers/export', expect: adminOnly(200) },
  { method: 'GET', path: '/api/mailing/subscribers/counts', expect: adminOnly(200) },
  {
    method: 'PATCH',
    path: '/api/mailing/subscribers/:id',
    url: () => `/api/mailing/subscribers/${MISSING}`,
    body: { status: 'complained' },
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/mailings', expect: adminOnly(200) },
  { method: 'POST', path: '/api/mailings', body: { subject: 'Matrix', body: 'x', audience: 'subscribers' }, expect: adminOnly(201) },
  { method: 'GET', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, expect: adminOnly(404) },
  { method: 'PATCH', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, body: { subject: 'x' }, expect: adminOnly(404) },
  { method: 'DELETE', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, expect: adminOnly(404) },
  { method: 'GET', path: '/api/mailings/:id/preview', url: () => `/api/mailings/${MISSING}/preview`, expect: adminOnly(404) },
  {
    method: 'POST',
    path: '/api/mailings/:id/test',
    url: () => `/api/mailings/${MISSING}/test`,
    body: { email: 'matrix@example.org' },
    expect: adminOnly(404),
  },
  { method: 'POST', path: '/api/mailings/:id/send', url: () => `/api/mailings/${MISSING}/send`, body: {}, expect: adminOnly(404) },
  { method: 'POST', path: '/api/mailings/:id/cancel', url: () => `/api/mailings/${MISSING}/cancel`, expect: adminOnly(404) },
  // The public archive: a group's mailing or a missing id is the same 404 for everyone.
  { method: 'GET', path: '/api/mailings/archive', expect: everyone(200) },
  { method: 'GET', path: '/api/mailings/archive/:id', url: () => `/api/mailings/archive/${MISSING}`, expect: everyone(404) },
];

/**
 * The Socket.IO events × roles: what the acknowledgement says. A suspended member's token is dead, so
 * their handshake is refused before any event.
 */
type SocketAnswer = { ok: true } | { ok: false; error: string };
const ok: SocketAnswer = { ok: true };
const notFound: SocketAnswer = { ok: false, error: 'not_found' };
const forbidden: SocketAnswer = { ok: false, error: 'forbidden' };
const SOCKET_MATRIX: { event: string; topic: (f: Fixtures) => string; expect: Record<Exclude<MatrixRole, 'suspended'>, SocketAnswer> }[] = [
  {
    event: 'topic:join',
    topic: (f) => f.topic,
    expect: { anonymous: ok, outsider: ok, member: ok, groupModerator: ok, groupOwner: ok, silenced: ok, moderator: ok, admin: ok },
  },
  {
    event: 'topic:join',
    topic: (f) => f.privateTopic,
    expect: {
      anonymous: notFound,
      outsider: notFound,
      member: ok,
      groupModerator: ok,
      groupOwner: ok,
      silenced: ok,
      moderator: notFound,
      admin: ok,
    },
  },
  {
    // After joining the public topic: only members who may post may type.
    event: 'topic:typing',
    topic: (f) => f.topic,
    expect: {
      anonymous: forbidden,
      outsider: ok,
      member: ok,
      groupModerator: ok,
      groupOwner: ok,
      silenced: forbidden,
      moderator: ok,
      admin: ok,
    },
  },
];

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function servedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    )
    .sort();
}

/** What a role gets on a row: declared, or derived for the silenced and the suspended (see Expectation). */
function expected(row: Row, role: MatrixRole): number {
  if (role === 'suspended') return row.expect.anonymous;
  if (role === 'silenced') return row.method === 'GET' || row.evenSilenced ? row.expect.member : 403;
  return row.expect[role];
}

describe('the authorization matrix', () => {
  let t: TestApp;
  const members: Partial<Record<MatrixRole, TestMember>> = {};
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await newMember(t, { role: 'admin' });
    members.admin = admin;
    members.moderator = await newMember(t, { role: 'moderator' });
    for (const role of ['outsider', 'member', 'groupModerator', 'groupOwner', 'silenced', 'suspended'] as const) {
      members[role] = await newMember(t);
    }
    const victim = await newMember(t);
    const bystander = await newMember(t);
    await newMember(t, { username: 'matrix_invitee' });
    const category = await newCategory(t, admin);
    const topic = await newTopic(t, victim, category);

    // The group roles: the owner founds both groups and brings the others in.
    const owner = members.groupOwner!;
    const group = await newGroup(t, owner, 'private');
    const hiddenGroup = await newGroup(t, owner, 'hidden');
    for (const g of [group, hiddenGroup]) {
      await addToGroup(t, g, owner, members.groupModerator!, 'moderator');
      for (const role of ['member', 'silenced', 'suspended'] as const) await addToGroup(t, g, owner, members[role]!);
    }
    await addToGroup(t, group, owner, bystander);
    const privateCategory = await newGroupCategory(t, owner, group);
    const privateTopic = await newTopic(t, members.member!, privateCategory);
    await sql(t.databaseUrl, `UPDATE users SET silenced_until = now() + interval '1 day' WHERE id = $1`, [members.silenced!.user.id]);
    await sql(t.databaseUrl, `UPDATE users SET status = 'suspended' WHERE id = $1`, [members.suspended!.user.id]);

    fixtures = {
      victim: victim.user.id,
      category,
      topic: topic.id,
      post: topic.firstPost.id,
      privateTopic: privateTopic.id,
      privatePost: privateTopic.firstPost.id,
      privateCategory,
      group,
      hiddenGroup,
      bystander,
      freshPost: async () => (await newReply(t, victim, topic.id)).id,
      freshGroupMember: async () => {
        const joiner = await newMember(t);
        await addToGroup(t, group, owner, joiner);
        return joiner.user.id;
      },
      freshJoinRequest: async () => {
        const asker = await newMember(t);
        const response = await t.http().post(`/api/groups/${group.slug}/join-requests`).set(asker.auth).send({}).expect(201);
        return response.body.id as string;
      },
      freshQueueItem: async (where) => {
        const post = where === 'public' ? await newReply(t, victim, topic.id) : await newReply(t, members.member!, privateTopic.id);
        await t.http().post('/api/flags').set(bystander.auth).send({ targetType: 'post', targetId: post.id, reason: 'spam' }).expect(201);
        const [item] = await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM review_items WHERE target_id = $1 AND status = 'open'`, [
          post.id,
        ]);
        return item!.id;
      },
      freshSanction: async () => {
        const response = await t
          .http()
          .post(`/api/moderation/users/${victim.user.id}/sanctions`)
          .set(admin.auth)
          .send({ type: 'warn', reason: 'To be lifted' })
          .expect(201);
        return response.body.id as string;
      },
      invitationFor: async (role) => {
        // The anonymous and the suspended (whose token is dead) never reach the invitation: any id will do.
        const invitee = role === 'anonymous' || role === 'suspended' ? undefined : members[role];
        if (!invitee) return MISSING;
        const own = await newGroup(t, victim, 'private');
        const response = await t
          .http()
          .post(`/api/groups/${own.slug}/invitations`)
          .set(victim.auth)
          .send({ username: invitee.user.username })
          .expect(201);
        return response.body.id as string;
      },
    };
  });
  afterAll(() => t.close());

  it('declares every served route, and serves every declared one', () => {
    const declared = [...new Set(MATRIX.map((row) => `${row.method} ${row.path}`))].sort();
    expect(servedRoutes(t)).toEqual(declared);
  });

  const cases = MATRIX.flatMap((row) => ROLES.map((role) => [`${row.method} ${row.path}`, role, expected(row, role), row] as const));

  it.each(cases)('%s as %s → %i', async (_name, role, status, row) => {
    let headers: Record<string, string> = {};
    const member = role === 'anonymous' ? undefined : members[role];
    if (member) {
      let token = member.token;
      if (row.ownSession && role !== 'suspended') {
        const login = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
        token = login.body.token as string;
      }
      headers = { Authorization: `Bearer ${token}` };
    }
    const url = row.url ? await row.url(fixtures, role) : row.path;
    const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let call = t.http()[method](url).set(headers);
    if (row.body !== undefined) call = call.send(typeof row.body === 'function' ? row.body(fixtures) : row.body);
    const response = await call;
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  });

  const socketCases = SOCKET_MATRIX.flatMap((row) => ROLES.map((role) => [row.event, role, row] as const));

  it.each(socketCases)('socket %s as %s', async (event, role, row) => {
    const member = role === 'anonymous' ? undefined : members[role];
    if (role === 'suspended') {
      await expect(connectSocket(t.baseUrl, { token: member!.token })).rejects.toThrow('unauthorized');
      return;
    }
    const socket = await connectSocket(t.baseUrl, member ? { token: member.token } : {});
    try {
      const topicId = row.topic(fixtures);
      if (event === 'topic:typing') await socket.timeout(5000).emitWithAck('topic:join', { topicId });
      expect(await socket.timeout(5000).emitWithAck(event, { topicId })).toEqual(row.expect[role]);
    } finally {
      socket.close();
    }
  });

  it('answers an outsider exactly what it answers for a missing id, body and all', async () => {
    const outsider = members.outsider!;
    const pairs: [string, string][] = [
      [`/api/topics/${fixtures.privateTopic}`, `/api/topics/${MISSING}`],
      [`/api/topics/${fixtures.privateTopic}/posts`, `/api/topics/${MISSING}/posts`],
      [`/api/posts/${fixtures.privatePost}`, `/api/posts/${MISSING}`],
      [`/api/posts/${fixtures.privatePost}/revisions`, `/api/posts/${MISSING}/revisions`],
      [`/api/categories/${fixtures.privateCategory}`, `/api/categories/${MISSING}`],
      [`/api/categories/${fixtures.privateCategory}/topics`, `/api/categories/${MISSING}/topics`],
      [`/api/groups/${fixtures.hiddenGroup.slug}`, '/api/groups/no-such-group'],
      [`/api/groups/${fixtures.hiddenGroup.slug}/members`, '/api/groups/no-such-group/members'],
    ];
    for (const [hidden, missing] of pairs) {
      const [a, b] = await Promise.all([t.http().get(hidden).set(outsider.auth), t.http().get(missing).set(outsider.auth)]);
      expect({ url: hidden, status: a.status, body: a.body as unknown }).toEqual({ url: hidden, status: 404, body: b.body as unknown });
    }
    const reply = await t.http().post(`/api/topics/${fixtures.privateTopic}/posts`).set(outsider.auth).send({ body: 'hello' });
    const replyMissing = await t.http().post(`/api/topics/${MISSING}/posts`).set(outsider.auth).send({ body: 'hello' });
    expect([reply.status, reply.body]).toEqual([404, replyMissing.body]);
  });
});
