import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';

describe('site settings', () => {
  let t: TestApp;
  let admin: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t);
  });
  afterAll(() => t.close());

  it('has safe defaults for a public site', async () => {
    // The test harness turns the per-address limits off; put back the values of a new site.
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({
        rateLimits: {
          registrationsPerHourPerIp: 30,
          loginAttemptsPerHourPerIp: 20,
          postsPerMinute: 10,
          topicsPerDay: 20,
          flagsPerDay: 20,
          uploadsPerHour: 30,
        },
      })
      .expect(200);
    const response = await t.http().get('/api/admin/settings').set(admin.auth).expect(200);
    expect(response.body).toEqual({
      siteName: 'Harbour',
      siteDescription: '',
      defaultLocale: 'en',
      logoUrl: null,
      // The first admin is walked through the first-run setup until they finish it.
      setupDone: false,
      registrationMode: 'open',
      loginRequired: false,
      groupCreation: 'members',
      newMemberReviewPosts: 0,
      // Empty until an admin sets them; no mailing is sent without the address.
      mailingSenderName: '',
      mailingAddress: '',
      rateLimits: {
        postsPerMinute: 10,
        topicsPerDay: 20,
        flagsPerDay: 20,
        // A workshop signs up ten people or more from one Wi-Fi.
        registrationsPerHourPerIp: 30,
        loginAttemptsPerHourPerIp: 20,
        uploadsPerHour: 30,
      },
      // Registration tells nobody who is a member, and sign-in waits for the emailed link.
      emailVerification: 'required',
      staffTwoFactor: false,
      // A phone photo with room to spare; a member's files may add up to 500 MB.
      uploadMaxMb: 8,
      uploadQuotaMb: 500,
      // Discreet mode: the quick exit leaves for a page nobody would wonder about.
      quickExitUrl: 'https://www.google.com/',
    });
  });

  it('merges a PATCH: a partial rateLimits changes only the keys it names', async () => {
    const patch = { siteName: 'Réseau', rateLimits: { postsPerMinute: 3 } };
    const response = await t.http().patch('/api/admin/settings').set(admin.auth).send(patch).expect(200);
    expect(response.body.siteName).toBe('Réseau');
    expect(response.body.rateLimits).toMatchObject({ postsPerMinute: 3, topicsPerDay: 20 });
    const again = await t.http().get('/api/admin/settings').set(admin.auth).expect(200);
    expect(again.body.rateLimits.postsPerMinute).toBe(3);
    const site = await t.http().get('/api/site').expect(200);
    expect(site.body).toEqual({
      siteName: 'Réseau',
      siteDescription: '',
      defaultLocale: 'en',
      logoUrl: null,
      registrationMode: 'open',
      loginRequired: false,
      groupCreation: 'members',
      emailVerification: 'required',
      staffTwoFactor: false,
      uploadMaxMb: 8,
      quickExitUrl: 'https://www.google.com/',
    });
  });

  it.each([
    [{ registrationMode: 'everyone' }, 'registrationMode'],
    [{ rateLimits: { postsPerMinute: -1 } }, 'postsPerMinute'],
    [{ rateLimits: { postsPerMinute: 'ten' } }, 'postsPerMinute'],
    [{ rateLimits: { unknownLimit: 1 } }, 'unknownLimit'],
    [{ siteName: '' }, 'siteName'],
    [{ loginRequired: 'yes' }, 'loginRequired'],
    [{ color: 'blue' }, 'color'],
    [{ mailingAddress: 'x'.repeat(301) }, 'mailingAddress'],
    [{ mailingSenderName: 'Network\u202e' }, 'mailingSenderName'],
  ])('refuses %j with a 400 naming %s and changes nothing', async (patch, field) => {
    const before = (await t.http().get('/api/admin/settings').set(admin.auth)).body;
    const response = await t.http().patch('/api/admin/settings').set(admin.auth).send(patch).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
    expect((await t.http().get('/api/admin/settings').set(admin.auth)).body).toEqual(before);
  });

  it('is for admins only', async () => {
    const member = await newMember(t);
    const moderator = await newMember(t, { role: 'moderator' });
    await t.http().get('/api/admin/settings').expect(401);
    await t.http().get('/api/admin/settings').set(member.auth).expect(403);
    await t.http().patch('/api/admin/settings').set(moderator.auth).send({ siteName: 'x' }).expect(403);
  });
});

describe('registration modes', () => {
  let t: TestApp;
  let admin: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t);
    // The registration modes as in version 1 (email verification off); with verification they are tested in
    // self-service-registration.e2e-spec.ts.
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'off' }).expect(200);
  });
  afterAll(() => t.close());

  it('approval: a new member waits (202) and cannot sign in until an admin approves', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'approval' }).expect(200);
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'waiting', email: 'waiting@example.org', password: 'long enough 1' })
      .expect(202);
    expect(response.body).toEqual({ status: 'pending' });
    const refused = await t.http().post('/api/auth/login').send({ login: 'waiting', password: 'long enough 1' }).expect(403);
    expect(refused.body.message).toMatch(/approve/);
    // A wrong password still answers the plain 401: the pending state is not disclosed to a guesser.
    await t.http().post('/api/auth/login').send({ login: 'waiting', password: 'wrong password' }).expect(401);

    const list = await t.http().get('/api/admin/users?q=waiting').set(admin.auth).expect(200);
    expect(list.body.items[0]).toMatchObject({ username: 'waiting', status: 'pending' });
    await t
      .http()
      .post(`/api/admin/users/${list.body.items[0].id as string}/approve`)
      .set(admin.auth)
      .expect(204);
    await t.http().post('/api/auth/login').send({ login: 'waiting', password: 'long enough 1' }).expect(200);
  });

  it('invite: registration needs a one-use invitation, mailed by an admin', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'invite' }).expect(200);
    const refused = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'uninvited', email: 'uninvited@example.org', password: 'long enough 1' })
      .expect(403);
    expect(refused.body.message).toMatch(/invitation/);
    expect(await sql(t.databaseUrl, `SELECT 1 FROM users WHERE username_key = 'uninvited'`)).toHaveLength(0);

    const created = await t
      .http()
      .post('/api/admin/invitations')
      .set(admin.auth)
      .send({ email: 'Guest@Example.org', locale: 'fr' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      token: expect.any(String),
      link: expect.stringContaining('/sign-up?invitation='),
    });
    const mail = await t.smtp!.waitFor('guest@example.org');
    expect(mail.subject).toBe('Vous êtes invité·e à rejoindre Harbour');
    expect(mail.text).toContain(created.body.link);

    const bad = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'guest', email: 'guest@example.org', password: 'long enough 1', invitation: 'forged' })
      .expect(400);
    expect(bad.body.message).toMatch(/invitation/);
    const invitation = created.body.token as string;
    // A refused registration (name taken) does not use the invitation up.
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: admin.user.username, email: 'guest@example.org', password: 'long enough 1', invitation })
      .expect(409);
    const joined = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'guest', email: 'guest@example.org', password: 'long enough 1', invitation })
      .expect(201);
    expect(joined.body.user).toMatchObject({ username: 'guest', role: 'member' });
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'guest2', email: 'guest2@example.org', password: 'long enough 1', invitation })
      .expect(400);

    const list = await t.http().get('/api/admin/invitations').set(admin.auth).expect(200);
    expect(list.body.items[0]).toMatchObject({ email: 'guest@example.org', usedAt: expect.any(String) });
    const stored = await sql<{ token_hash: string }>(t.databaseUrl, 'SELECT token_hash FROM site_invitations');
    expect(stored.map((r) => r.token_hash)).not.toContain(invitation);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'open' }).expect(200);
  });

  it('an invitation skips the approval queue, and an expired one is refused', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'approval' }).expect(200);
    const first = await t.http().post('/api/admin/invitations').set(admin.auth).send({}).expect(201);
    const joined = await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'invited2', email: 'invited2@example.org', password: 'long enough 1', invitation: first.body.token })
      .expect(201);
    expect(joined.body.token).toEqual(expect.any(String));
    const second = await t.http().post('/api/admin/invitations').set(admin.auth).send({}).expect(201);
    await sql(t.databaseUrl, `UPDATE site_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.body.id]);
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'late', email: 'late@example.org', password: 'long enough 1', invitation: second.body.token })
      .expect(400);
    await t.http().post('/api/admin/invitations').set(admin.auth).send({ email: 'not an email' }).expect(400);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'open' }).expect(200);
  });
});

describe('members and roles (admins)', () => {
  let t: TestApp;
  let admin: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t);
    for (let i = 0; i < 5; i++) await newMember(t, { username: `paged${i}` });
  });
  afterAll(() => t.close());

  it('lists members with email, lastSeenAt and sanctions, in cursor pages', async () => {
    const first = await t.http().get('/api/admin/users?limit=4').set(admin.auth).expect(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.items[0]).toEqual(expect.objectContaining({ email: expect.any(String), lastSeenAt: null, sanctions: [] }));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t
      .http()
      .get(`/api/admin/users?limit=4&cursor=${first.body.nextCursor as string}`)
      .set(admin.auth)
      .expect(200);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const names = [...first.body.items, ...second.body.items].map((u: { username: string }) => u.username);
    expect(new Set(names).size).toBe(6);
  });

  it('searches by part of a username or an email, treating % and _ literally', async () => {
    const response = await t.http().get('/api/admin/users?q=PAGED3').set(admin.auth).expect(200);
    expect((response.body.items as { username: string }[]).map((u) => u.username)).toEqual(['paged3']);
    const wildcard = await t.http().get('/api/admin/users?q=%25').set(admin.auth).expect(200);
    expect(wildcard.body.items).toHaveLength(0);
  });

  it('refuses bad paging input with a 400', async () => {
    await t.http().get('/api/admin/users?limit=0').set(admin.auth).expect(400);
    await t.http().get('/api/admin/users?limit=101').set(admin.auth).expect(400);
    const cursor = await t.http().get('/api/admin/users?cursor=garbage').set(admin.auth).expect(400);
    expect(cursor.body.message).toMatch(/cursor/);
    await t.http().get('/api/admin/users?sort=email').set(admin.auth).expect(400);
  });

  it('changes a role, refuses an unknown role, and never lets an admin change their own', async () => {
    const target = await newMember(t);
    const response = await t.http().patch(`/api/admin/users/${target.user.id}`).set(admin.auth).send({ role: 'moderator' }).expect(200);
    expect(response.body).toMatchObject({ id: target.user.id, role: 'moderator' });
    expect((await t.http().get('/api/me').set(target.auth)).body.role).toBe('moderator');
    await t.http().patch(`/api/admin/users/${target.user.id}`).set(admin.auth).send({ role: 'owner' }).expect(400);
    await t.http().patch(`/api/admin/users/${admin.user.id}`).set(admin.auth).send({ role: 'member' }).expect(403);
    await t.http().patch('/api/admin/users/00000000-0000-4000-8000-000000000000').set(admin.auth).send({ role: 'member' }).expect(404);
    await t.http().patch('/api/admin/users/not-a-uuid').set(admin.auth).send({ role: 'member' }).expect(404);
  });
});

describe('rate limits', () => {
  let t: TestApp;
  let admin: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t);
  });
  afterAll(() => t.close());

  it('limits login attempts per address, answering 429 with Retry-After', async () => {
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { loginAttemptsPerHourPerIp: 3 } })
      .expect(200);
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/login').send({ login: 'x', password: 'wrong one' }).expect(401);
    const limited = await t.http().post('/api/auth/login').send({ login: admin.user.username, password: admin.password }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('limits registrations per address; 0 turns the limit off', async () => {
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { registrationsPerHourPerIp: 2 } })
      .expect(200);
    await t.http().post('/api/auth/register').send({ username: 'rl1', email: 'rl1@example.org', password: 'long enough 1' }).expect(202);
    await t.http().post('/api/auth/register').send({ username: 'rl2', email: 'rl2@example.org', password: 'long enough 1' }).expect(202);
    await t.http().post('/api/auth/register').send({ username: 'rl3', email: 'rl3@example.org', password: 'long enough 1' }).expect(429);
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { registrationsPerHourPerIp: 0 } })
      .expect(200);
    await t.http().post('/api/auth/register').send({ username: 'rl3', email: 'rl3@example.org', password: 'long enough 1' }).expect(202);
  });

  it('stores no client address in clear', async () => {
    const rows = await sql<{ key: string }>(t.databaseUrl, 'SELECT key FROM rate_limit_counters');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key).not.toContain('127.0.0.1');
    }
  });
});
