import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';

/**
 * Every route × every role, with the status each must get. A route that is served but missing here fails
 * the first test: access is declared for every route, never forgotten. When a role arrives with a later
 * feature (group owner, silenced, suspended, …), add it to ROLES and every row must say what it gets.
 */
const ROLES = ['anonymous', 'member', 'moderator', 'admin'] as const;
type MatrixRole = (typeof ROLES)[number];
type Expectation = Record<MatrixRole, number>;

/** Objects the rows act on: a public category, topic and post by a third member, and fresh posts on demand. */
interface Fixtures {
  victim: string;
  category: string;
  topic: string;
  post: string;
  privateTopic: string;
  /** A new post by the third member, for rows that delete or change it. */
  freshPost: () => Promise<string>;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The concrete URL to call (defaults to path). */
  url?: (ids: Fixtures) => string | Promise<string>;
  body?: object | ((ids: Fixtures) => object);
  expect: Expectation;
  /** The call ends the caller's session: run it on a session of its own. */
  ownSession?: boolean;
}

const everyone = (status: number): Expectation => ({ anonymous: status, member: status, moderator: status, admin: status });
const signedIn = (status: number): Expectation => ({ anonymous: 401, member: status, moderator: status, admin: status });
const adminOnly = (status: number): Expectation => ({ anonymous: 401, member: 403, moderator: 403, admin: status });
const staffOnly = (status: number): Expectation => ({ anonymous: 401, member: 403, moderator: status, admin: status });
/** A private (group) space: until groups exist only admins see it, and everyone else gets the missing-id 404. */
const privateSpace = (status: number): Expectation => ({ anonymous: 404, member: 404, moderator: 404, admin: status });
const heart = encodeURIComponent('❤️');

const MATRIX: Row[] = [
  { method: 'GET', path: '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/openapi.json', expect: everyone(200) },
  { method: 'GET', path: '/api/site', expect: everyone(200) },
  { method: 'POST', path: '/api/auth/register', body: {}, expect: everyone(400) },
  { method: 'POST', path: '/api/auth/login', body: {}, expect: everyone(400) },
  { method: 'POST', path: '/api/auth/logout', expect: signedIn(204), ownSession: true },
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
  { method: 'GET', path: '/api/topics/:id', url: (f) => `/api/topics/${f.privateTopic}`, expect: privateSpace(200) },
  { method: 'PATCH', path: '/api/topics/:id', url: (f) => `/api/topics/${f.topic}`, body: { pinned: false }, expect: staffOnly(200) },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.topic}/posts`, expect: everyone(200) },
  { method: 'GET', path: '/api/topics/:id/posts', url: (f) => `/api/topics/${f.privateTopic}/posts`, expect: privateSpace(200) },
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
    expect: { ...privateSpace(201), anonymous: 401 },
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

describe('the authorization matrix', () => {
  let t: TestApp;
  const members: Partial<Record<MatrixRole, TestMember>> = {};
  let victim: TestMember;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    members.admin = await newMember(t, { role: 'admin' });
    members.member = await newMember(t);
    members.moderator = await newMember(t, { role: 'moderator' });
    victim = await newMember(t);
    const category = await newCategory(t, members.admin);
    const topic = await newTopic(t, victim, category);
    const privateTopic = await newTopic(t, members.admin, await newPrivateCategory(t));
    fixtures = {
      victim: victim.user.id,
      category,
      topic: topic.id,
      post: topic.firstPost.id,
      privateTopic: privateTopic.id,
      freshPost: async () => (await newReply(t, victim, topic.id)).id,
    };
  });
  afterAll(() => t.close());

  it('declares every served route, and serves every declared one', () => {
    const declared = [...new Set(MATRIX.map((row) => `${row.method} ${row.path}`))].sort();
    expect(servedRoutes(t)).toEqual(declared);
  });

  const cases = MATRIX.flatMap((row) => ROLES.map((role) => [`${row.method} ${row.path}`, role, row.expect[role], row] as const));

  it.each(cases)('%s as %s → %i', async (_name, role, status, row) => {
    let headers: Record<string, string> = {};
    const member = members[role as Exclude<MatrixRole, 'anonymous'>];
    if (member) {
      let token = member.token;
      if (row.ownSession) {
        const login = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
        token = login.body.token as string;
      }
      headers = { Authorization: `Bearer ${token}` };
    }
    const url = row.url ? await row.url(fixtures) : row.path;
    const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let call = t.http()[method](url).set(headers);
    if (row.body !== undefined) call = call.send(typeof row.body === 'function' ? row.body(fixtures) : row.body);
    const response = await call;
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  });
});
