import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';

/**
 * Every route × every role, with the status each must get. A route that is served but missing here fails
 * the first test: access is declared for every route, never forgotten. When a role arrives with a later
 * feature (group owner, silenced, suspended, …), add it to ROLES and every row must say what it gets.
 */
const ROLES = ['anonymous', 'member', 'moderator', 'admin'] as const;
type MatrixRole = (typeof ROLES)[number];
type Expectation = Record<MatrixRole, number>;

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The concrete URL to call (defaults to path). */
  url?: (ids: { victim: string }) => string;
  body?: unknown;
  expect: Expectation;
  /** The call ends the caller's session: run it on a session of its own. */
  ownSession?: boolean;
}

const everyone = (status: number): Expectation => ({ anonymous: status, member: status, moderator: status, admin: status });
const signedIn = (status: number): Expectation => ({ anonymous: 401, member: status, moderator: status, admin: status });
const adminOnly = (status: number): Expectation => ({ anonymous: 401, member: 403, moderator: 403, admin: status });

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
    url: ({ victim }) => `/api/admin/users/${victim}`,
    body: { role: 'member' },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/users/:id/approve',
    url: ({ victim }) => `/api/admin/users/${victim}/approve`,
    expect: adminOnly(204),
  },
  { method: 'POST', path: '/api/admin/invitations', body: {}, expect: adminOnly(201) },
  { method: 'GET', path: '/api/admin/invitations', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/outbox', expect: adminOnly(200) },
  { method: 'GET', path: '/api/admin/outbox/:id', url: () => '/api/admin/outbox/missing.eml', expect: adminOnly(404) },
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

  beforeAll(async () => {
    t = await startTestApp();
    members.admin = await newMember(t, { role: 'admin' });
    members.member = await newMember(t);
    members.moderator = await newMember(t, { role: 'moderator' });
    victim = await newMember(t);
  });
  afterAll(() => t.close());

  it('declares every served route, and serves every declared one', () => {
    const declared = MATRIX.map((row) => `${row.method} ${row.path}`).sort();
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
    const url = row.url ? row.url({ victim: victim.user.id }) : row.path;
    const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let call = t.http()[method](url).set(headers);
    if (row.body !== undefined) call = call.send(row.body as object);
    const response = await call;
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  });
});
