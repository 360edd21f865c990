import { Logger } from '@nestjs/common';
import type { TopicDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import type { TestMember } from '../support/factories';
import {
  bodiesFor,
  GENERIC_BODIES,
  inParallel,
  JUNK_PATH_VALUES,
  plausible,
  queriesFor,
  type OpenApiDocument,
  type Operation,
  type RawBody,
} from '../support/fuzz';
import { fuzzFixtures, type FuzzFixtures } from '../support/fuzz-fixtures';

type Role = 'anonymous' | 'member' | 'admin';
interface Probe {
  method: string;
  url: string;
  role: Role;
  body?: RawBody;
  /** Reaches validation only past the guard: skipped for a role the guard refuses this route. */
  deep?: true;
}

/**
 * Every route of GET /api/openapi.json, as a visitor, a member and an admin, with real and junk path
 * parameters, junk query strings and hostile bodies: no answer may be a 5xx, and no error may be logged
 * (the exception filter logs a stack only for what it could not map, and warns when PostgreSQL refused a
 * value that validation let through). A new route is swept as soon as it is in the document.
 */
describe('hostile input never becomes a 500', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let fixtures: FuzzFixtures;
  const tokens: Partial<Record<Role, TestMember>> = {};
  const logged: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await fuzzFixtures(t);
    tokens.admin = fixtures.admin;
    tokens.member = fixtures.member;
    document = (await t.http().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    const record = (level: string) =>
      function (this: Logger, message: unknown) {
        const context = (this as unknown as { context?: string }).context;
        if (level === 'error' || context === 'Errors') logged.push(`${level} ${context}: ${String(message).split('\n')[0]}`);
      };
    jest.spyOn(Logger.prototype, 'error').mockImplementation(record('error'));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(record('warn'));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const count = async (table: string): Promise<number> =>
    Number((await sql<{ n: string }>(t.databaseUrl, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

  function fill(path: string, junk?: { param: string; value: string }): string {
    return path.replace(/\{(\w+)\}/g, (_whole, param: string) => (junk?.param === param ? junk.value : fixtures.realValue(path, param)));
  }

  async function send(probe: Probe): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {};
    const who = probe.role === 'anonymous' ? undefined : tokens[probe.role];
    if (who) headers.Authorization = who.auth.Authorization;
    if (probe.body) headers['Content-Type'] = probe.body.contentType;
    const response = await fetch(`${t.baseUrl}${probe.url}`, { method: probe.method, headers, body: probe.body?.text });
    return { status: response.status, text: await response.text() };
  }

  /** Every probe of one operation. */
  function probesFor(path: string, method: string, operation: Operation): Probe[] {
    const probes: Probe[] = [];
    const verb = method.toUpperCase();
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const takesBody = operation.requestBody !== undefined || ['POST', 'PATCH', 'PUT'].includes(verb);
    const bodies = takesBody ? bodiesFor(document, operation, fixtures.ids) : [];
    for (const role of ['anonymous', 'member', 'admin'] as Role[]) {
      const valid = takesBody ? { label: '{}', contentType: 'application/json', text: '{}' } : undefined;
      for (const param of params) {
        for (const value of JUNK_PATH_VALUES) probes.push({ method: verb, url: fill(path, { param, value }), role, body: valid });
      }
      if (verb === 'GET') {
        probes.push({ method: verb, url: fill(path), role });
        for (const query of queriesFor(document, operation)) probes.push({ method: verb, url: `${fill(path)}?${query}`, role, deep: true });
      }
      // The generic bodies test the parsers, which run before the guard; the rest test validation.
      bodies.forEach((body, index) =>
        probes.push({ method: verb, url: fill(path), role, body, ...(index >= GENERIC_BODIES.length ? { deep: true } : {}) }),
      );
    }
    return probes;
  }

  /** Raw JSON text, so a lone surrogate travels as the six characters a hostile client sends. */
  async function raw(method: string, url: string, who: TestMember | null, text: string, contentType = 'application/json') {
    const headers: Record<string, string> = { 'Content-Type': contentType, ...(who ? who.auth : {}) };
    const response = await fetch(`${t.baseUrl}${url}`, { method, headers, body: method === 'GET' ? undefined : text });
    const body = (await response.json()) as { message?: string | string[] };
    return { status: response.status, message: ([] as string[]).concat(body.message ?? []).join('; ') };
  }

  it('refuses null for an optional field with a 400 naming it, and stores null where null clears a value', async () => {
    const { admin, member, topic, mailing } = fixtures;
    expect(await raw('PATCH', '/api/me', member, '{"displayName":null}')).toMatchObject({
      status: 400,
      message: expect.stringContaining('displayName must be a string'),
    });
    expect((await raw('PATCH', `/api/topics/${topic.id}`, member, '{"title":null}')).message).toContain('title must be a string');
    expect((await raw('PATCH', '/api/admin/settings', admin, '{"siteName":null}')).message).toContain('siteName must be a string');
    const slug = fixtures.realValue('/api/groups/{slug}', 'slug');
    expect((await raw('PATCH', `/api/groups/${slug}`, member, '{"description":null}')).message).toContain('description must be a string');
    expect((await raw('PATCH', `/api/mailings/${mailing.id}`, admin, '{"audience":null}')).message).toContain('audience must be');
    // `subjectFr`/`bodyFr: null` is documented: it removes the French version.
    await t.http().patch(`/api/mailings/${mailing.id}`).set(admin.auth).send({ subjectFr: 'Nouvelles', bodyFr: 'Bonjour' }).expect(200);
    const cleared = await t.http().patch(`/api/mailings/${mailing.id}`).set(admin.auth).send({ subjectFr: null, bodyFr: null }).expect(200);
    expect(cleared.body).toMatchObject({ subjectFr: null, bodyFr: null });
    // An empty body is no change; a body that is not JSON is named as such.
    expect((await raw('PATCH', '/api/me', member, '')).status).toBe(200);
    expect(await raw('PATCH', '/api/me', member, '{"displayName":')).toEqual({
      status: 400,
      message: 'The request body is not valid JSON',
    });
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.displayName).toBe(member.user.displayName);
  });

  it('refuses NUL and lone surrogates in bodies, paths and queries with a 400 naming the field, storing nothing', async () => {
    const { admin, victim } = fixtures;
    const before = { users: await count('users'), subscribers: await count('subscribers'), sanctions: await count('sanctions') };
    const register = (email: string, username = 'fuzzer_new') =>
      raw('POST', '/api/auth/register', null, `{"username":"${username}","email":"${email}","password":"correct horse battery"}`);
    expect((await register('a\\ud800@example.org')).message).toContain('email must not contain a lone UTF-16 surrogate');
    expect((await register('fuzz@example.org', 'fuzz\\u0000er')).message).toContain('username must not contain NUL');
    expect((await raw('POST', '/api/auth/login', null, '{"login":"a\\u0000","password":"x"}')).message).toContain('login must not');
    expect((await raw('POST', '/api/mailing/subscribe', null, '{"email":"\\udc00x@example.org"}')).message).toContain('email must not');
    const sanctions = `/api/moderation/users/${victim.user.id}/sanctions`;
    const reason = await raw('POST', sanctions, admin, '{"type":"suspend","reason":"Because \\ud800","until":"2031-01-01T00:00:00Z"}');
    expect(reason).toEqual({ status: 400, message: 'reason must not contain a lone UTF-16 surrogate (text must be valid Unicode)' });
    expect(await raw('GET', '/api/groups/%00', null, '')).toEqual({ status: 400, message: 'slug must not contain NUL characters' });
    expect((await raw('GET', '/api/groups/%ED%A0%80', null, '')).message).toContain('malformed %-escape');
    expect((await raw('GET', '/api/admin/users?q=a%00', admin, '')).message).toBe('q must not contain NUL characters');
    expect((await raw('GET', '/api/moderation/log?action=%00', admin, '')).message).toBe('action must not contain NUL characters');
    const after = { users: await count('users'), subscribers: await count('subscribers'), sanctions: await count('sanctions') };
    expect(after).toEqual(before);
  });

  it('refuses cursors and dates PostgreSQL cannot store with a 400 naming the field', async () => {
    const { admin, victim, mailing } = fixtures;
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    const far = cursor('1|+275760-09-13T00:00:00.000Z|0b7c2a4e-1f0e-4b5e-9a53-2f4d7e1c9a11');
    expect(await raw('GET', `/api/topics?cursor=${far}`, null, '')).toEqual({ status: 400, message: 'cursor is invalid' });
    const yearZero = cursor('0000-01-01T00:00:00.000Z|0b7c2a4e-1f0e-4b5e-9a53-2f4d7e1c9a11');
    expect((await raw('GET', `/api/admin/users?cursor=${yearZero}`, admin, '')).message).toBe('cursor is invalid');
    expect((await raw('GET', '/api/search?q=hello&before=10000-01-01', null, '')).message).toContain('before must be a date between');
    const sanctions = `/api/moderation/users/${victim.user.id}/sanctions`;
    for (const until of ['10000-01-01', '-infinity', '0000-01-01']) {
      expect((await raw('POST', sanctions, admin, `{"type":"suspend","reason":"Long enough","until":"${until}"}`)).message).toContain(
        'until must',
      );
    }
    expect((await raw('POST', `/api/mailings/${mailing.id}/send`, admin, '{"at":"+275760-09-13T00:00:00Z"}')).message).toContain('at must');
  });

  it('takes the same write eight times at once without a 5xx, and counts it right', async () => {
    const { member, victim, topic } = fixtures;
    const eight = <T>(send: () => Promise<T>) => Promise.all(Array.from({ length: 8 }, send));
    const topicBefore = (await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200)).body as TopicDto;
    const replies = await eight(() => t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'At once' }));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = replies.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => topicBefore.postCount + 1 + i));
    const topicAfter = (await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200)).body as TopicDto;
    expect(topicAfter.postCount).toBe(topicBefore.postCount + 8);

    const post = replies[0]!.body.id as string;
    const hearts = await eight(() =>
      t
        .http()
        .put(`/api/posts/${post}/reactions/${encodeURIComponent('❤️')}`)
        .set(victim.auth),
    );
    const marks = await eight(() => t.http().put(`/api/posts/${post}/bookmark`).set(victim.auth));
    const prefs = await eight(() => t.http().patch('/api/notifications/preferences').set(victim.auth).send({ digest: 'weekly' }));
    expect([...hearts, ...marks].map((r) => r.status)).toEqual(Array(16).fill(204));
    expect(prefs.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await t.http().get(`/api/posts/${post}`).set(victim.auth).expect(200)).body.reactions).toEqual({ '❤️': 1 });
    const rows = await sql<{ n: string }>(t.databaseUrl, 'SELECT count(*) AS n FROM bookmarks WHERE post_id = $1', [post]);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('takes every write of the document eight times at once without a 5xx (as a member, or an admin where refused)', async () => {
    const failures: string[] = [];
    let written = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method) || path.endsWith('/logout')) continue;
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const text = JSON.stringify(schema ? plausible(document, schema, fixtures.ids) : {});
        for (const role of ['member', 'admin'] as Role[]) {
          const probe: Probe = {
            method: method.toUpperCase(),
            url: fill(path),
            role,
            body: { label: 'plausible', contentType: 'application/json', text },
          };
          const answers = await Promise.all(Array.from({ length: 8 }, () => send(probe)));
          for (const { status, text: answer } of answers) {
            if (status >= 500)
              failures.push(`8× ${probe.method} ${probe.url} as ${role} ${text.slice(0, 80)} → ${status} ${answer.slice(0, 100)}`);
          }
          if (answers.some(({ status }) => status < 300)) written += 1;
          // The admin tries only what the member may not do (password hashing makes each burst of a public route slow).
          if (!answers.every(({ status }) => [401, 403, 404].includes(status))) break;
        }
      }
    }
    expect({ failures, logged }).toEqual({ failures: [], logged: [] });
    // Most bursts must really write, or this proves nothing about concurrent writes.
    expect(written).toBeGreaterThan(25);
  }, 180_000);

  it('answers no 5xx to any route, role, path, query or body the document allows', async () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(90);
    // Deletions and signing out last, so the rest of the sweep still has its objects and sessions.
    const rank = (o: { path: string; method: string }) => (o.path.endsWith('/logout') ? 2 : o.method === 'delete' ? 1 : 0);
    operations.sort((a, b) => rank(a) - rank(b));
    const planned = operations.flatMap((o) => probesFor(o.path, o.method, o.operation)).length;
    // Bounded: well under a minute on two idle cores; a document that grows past this is a test to split, not to slow.
    // (Raised from 14,000 with issue 19's staff routes: ~15,600 planned, about 13,000 sent once the guard's refusals are
    // skipped; from 17,000 with issue 20's anonymous, unmask, desk and alert routes: 18,036 planned, 9.4 s in CI.)
    expect(planned).toBeLessThan(20_000);
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    // Which routes the guard refuses to whom (401/403 to `{}`): their deep probes would only meet the guard again.
    const refused = new Set<string>();
    const key = (probe: Probe) => `${probe.method} ${probe.url} ${probe.role}`;
    const baselines = operations.flatMap(({ path, method, operation }) =>
      (['anonymous', 'member'] as Role[]).map((role) => {
        const takesBody = operation.requestBody !== undefined || ['post', 'patch', 'put'].includes(method);
        const body = takesBody ? { label: '{}', contentType: 'application/json', text: '{}' } : undefined;
        return { method: method.toUpperCase(), url: fill(path), role, body, rank: rank({ path, method }) };
      }),
    );
    await inParallel(
      baselines.filter((probe) => probe.rank === 0),
      6,
      async (probe) => {
        const { status } = await send(probe);
        if (status === 401 || status === 403) refused.add(key(probe));
      },
    );
    for (const group of [0, 1, 2]) {
      const probes = operations
        .filter((o) => rank(o) === group)
        .flatMap((o) => probesFor(o.path, o.method, o.operation))
        .filter((probe) => !(probe.deep && refused.has(key(probe))));
      await inParallel(probes, 6, async (probe) => {
        const { status, text } = await send(probe);
        sent += 1;
        if (status >= 500)
          failures.push(
            `${probe.method} ${probe.url} as ${probe.role} [${probe.body?.label ?? 'no body'}] → ${status} ${text.slice(0, 120)}`,
          );
      });
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${sent} requests (${planned} planned, less what the guard refuses anyway) in ${seconds.toFixed(1)} s, ${failures.length} 5xx, ${logged.length} errors logged`,
    );
    expect({ failures, logged }).toEqual({ failures: [], logged: [] });
  }, 300_000);
});
