import type { MeDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember } from '../support/factories';

function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return Object.fromEntries(raw.map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Version 1 registration (201 with a session, 409 for a taken address) is what a site gets with email
    // verification off; the default, `required`, is tested in self-service-registration.e2e-spec.ts.
    await sql(t.databaseUrl, `UPDATE site_settings SET email_verification = 'off'`);
  });
  afterAll(() => t.close());

  describe('registration', () => {
    it('makes the first account of a new site its admin, and later ones members', async () => {
      const first = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'Founder', email: 'Founder@Example.org', password: 'long enough 1' })
        .expect(201);
      const founder = first.body as { user: MeDto; token: string };
      expect(founder.user).toMatchObject({
        username: 'Founder',
        displayName: 'Founder',
        role: 'admin',
        email: 'founder@example.org',
        locale: 'en',
      });
      expect(typeof founder.token).toBe('string');
      expect(founder.user.id).toEqual(expect.any(String));
      expect(Date.parse(founder.user.createdAt)).not.toBeNaN();

      const second = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'second', email: 'second@example.org', password: 'long enough 2', locale: 'fr' })
        .expect(201);
      expect(second.body.user).toMatchObject({ role: 'member', locale: 'fr' });
    });

    it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
      const response = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'cookies', email: 'cookies@example.org', password: 'long enough 3' })
        .expect(201);
      const lines = response.headers['set-cookie'] as unknown as string[];
      const session = lines.find((line) => line.startsWith('harbour_session='));
      const csrf = lines.find((line) => line.startsWith('harbour_csrf='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(csrf).not.toMatch(/HttpOnly/);
      expect(session).toContain(response.body.token);
    });

    it('treats usernames and emails as taken without regard to case (409)', async () => {
      await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'Casey', email: 'casey@example.org', password: 'long enough 4' })
        .expect(201);
      const sameName = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'CASEY', email: 'other@example.org', password: 'long enough 5' })
        .expect(409);
      expect(sameName.body.message).toMatch(/username/);
      const sameEmail = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'casey2', email: 'CASEY@example.org', password: 'long enough 6' })
        .expect(409);
      expect(sameEmail.body.message).toMatch(/email/);
    });

    it('lets exactly one of two simultaneous registrations of a name through', async () => {
      const attempts = await Promise.all(
        [1, 2, 3].map((n) =>
          t
            .http()
            .post('/api/auth/register')
            .send({ username: 'racer', email: `racer${n}@example.org`, password: 'long enough 7' }),
        ),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it.each([
      [{ email: 'a@example.org', password: 'long enough' }, 'username'],
      [{ username: 'ab', email: 'a@example.org', password: 'long enough' }, 'username'],
      [{ username: 'a'.repeat(31), email: 'a@example.org', password: 'long enough' }, 'username'],
      [{ username: 'with space', email: 'a@example.org', password: 'long enough' }, 'username'],
      [{ username: 'аdmin', email: 'a@example.org', password: 'long enough' }, 'username'], // Cyrillic "а"
      [{ username: 'zero\u200bwidth', email: 'a@example.org', password: 'long enough' }, 'username'],
      [{ username: 'okname', email: 'not-an-email', password: 'long enough' }, 'email'],
      [{ username: 'okname', email: 'a@example.org', password: 'short' }, 'password'],
      [{ username: 'okname', email: 'a@example.org', password: 12345678 }, 'password'],
      [{ username: 'okname', email: 'a@example.org', password: 'long enough', locale: 'de' }, 'locale'],
      [{ username: 'okname', email: 'a@example.org', password: 'long enough', role: 'admin' }, 'role'],
    ])('refuses %j with a 400 naming %s, and stores nothing', async (body, field) => {
      const response = await t.http().post('/api/auth/register').send(body).expect(400);
      const messages = ([] as string[]).concat(response.body.message);
      expect(messages.some((m) => m.includes(field))).toBe(true);
      const rows = await sql(t.databaseUrl, `SELECT 1 FROM users WHERE username_key = 'okname'`);
      expect(rows).toHaveLength(0);
    });

    it('trims and normalises the username and email it stores', async () => {
      const response = await t
        .http()
        .post('/api/auth/register')
        .send({ username: '  trimmed  ', email: '  Trimmed@Example.org ', password: 'long enough 8' })
        .expect(201);
      expect(response.body.user).toMatchObject({ username: 'trimmed', email: 'trimmed@example.org' });
    });
  });

  describe('signing in and out', () => {
    let member: Awaited<ReturnType<typeof newMember>>;
    beforeAll(async () => {
      member = await newMember(t, { username: 'signer' });
    });

    it('signs in by username (any case) or by email', async () => {
      const byName = await t.http().post('/api/auth/login').send({ login: 'SIGNER', password: member.password }).expect(200);
      expect(byName.body.user).toMatchObject({ username: 'signer', email: 'signer@example.org' });
      const byEmail = await t.http().post('/api/auth/login').send({ login: 'signer@example.org', password: member.password }).expect(200);
      expect(byEmail.body.token).not.toEqual(byName.body.token);
    });

    it('answers the same 401 for a wrong password and an unknown account', async () => {
      const wrong = await t.http().post('/api/auth/login').send({ login: 'signer', password: 'wrong password' }).expect(401);
      const unknown = await t.http().post('/api/auth/login').send({ login: 'nobody-here', password: 'wrong password' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toEqual({ statusCode: 401, message: 'invalid credentials', error: 'Unauthorized' });
    });

    it('refuses a login body with missing or unknown fields (400 naming them)', async () => {
      const missing = await t.http().post('/api/auth/login').send({ login: 'signer' }).expect(400);
      expect(JSON.stringify(missing.body.message)).toContain('password');
      const extra = await t.http().post('/api/auth/login').send({ login: 'signer', password: 'x', admin: true }).expect(400);
      expect(JSON.stringify(extra.body.message)).toContain('admin');
    });

    it('GET /api/me answers the member with email, locale and role; 401 without a session', async () => {
      const me = await t.http().get('/api/me').set(member.auth).expect(200);
      expect(me.body).toEqual({
        id: member.user.id,
        username: 'signer',
        displayName: 'signer',
        role: 'member',
        createdAt: member.user.createdAt,
        avatarUrl: `/api/avatars/${member.user.id}?v=0`,
        email: 'signer@example.org',
        emailVerified: false,
        locale: 'en',
        pronouns: '',
        bio: '',
        messagesFrom: 'everyone',
        discreet: false,
        signOutOnQuickExit: false,
        twoFactor: false,
        alertRegions: [],
        alertsOff: false,
        alertTeam: false,
        emailProblem: null,
      });
      await t.http().get('/api/me').expect(401);
      await t.http().get('/api/me').set('Authorization', 'Bearer not-a-real-token').expect(401);
    });

    it('logout revokes the session: the token stops working at once', async () => {
      const login = await t.http().post('/api/auth/login').send({ login: 'signer', password: member.password }).expect(200);
      const auth = { Authorization: `Bearer ${login.body.token as string}` };
      await t.http().get('/api/me').set(auth).expect(200);
      await t.http().post('/api/auth/logout').set(auth).expect(204);
      await t.http().get('/api/me').set(auth).expect(401);
      // The member's other sessions are untouched.
      await t.http().get('/api/me').set(member.auth).expect(200);
    });

    it('stores session tokens hashed, never in clear', async () => {
      const rows = await sql<{ token_hash: string }>(t.databaseUrl, 'SELECT token_hash FROM sessions WHERE user_id = $1', [member.user.id]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.token_hash)).not.toContain(member.token);
      const users = await sql<{ password_hash: string }>(t.databaseUrl, 'SELECT password_hash FROM users WHERE id = $1', [member.user.id]);
      expect(users[0]!.password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('cookie sessions and CSRF', () => {
    it('accepts cookie reads, and cookie writes only with the matching X-CSRF-Token', async () => {
      const login = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'cookieuser', email: 'cookieuser@example.org', password: 'long enough 9' })
        .expect(201);
      const cookies = cookiesOf(login);
      const cookieHeader = `harbour_session=${cookies.harbour_session}; harbour_csrf=${cookies.harbour_csrf}`;
      await t.http().get('/api/me').set('Cookie', cookieHeader).expect(200);

      const noToken = await t.http().patch('/api/me').set('Cookie', cookieHeader).send({ displayName: 'Cookie' }).expect(403);
      expect(noToken.body.message).toMatch(/CSRF/);
      await t.http().patch('/api/me').set('Cookie', cookieHeader).set('X-CSRF-Token', 'forged').send({ displayName: 'Cookie' }).expect(403);
      const ok = await t
        .http()
        .patch('/api/me')
        .set('Cookie', cookieHeader)
        .set('X-CSRF-Token', cookies.harbour_csrf!)
        .send({ displayName: 'Cookie' })
        .expect(200);
      expect(ok.body.displayName).toBe('Cookie');

      await t.http().post('/api/auth/logout').set('Cookie', cookieHeader).expect(403);
      await t.http().post('/api/auth/logout').set('Cookie', cookieHeader).set('X-CSRF-Token', cookies.harbour_csrf!).expect(204);
      await t.http().get('/api/me').set('Cookie', cookieHeader).expect(401);
    });

    it('needs no CSRF token for bearer requests', async () => {
      const member = await newMember(t);
      await t.http().patch('/api/me').set(member.auth).send({ locale: 'fr' }).expect(200);
    });
  });

  describe('the profile', () => {
    it('refuses display names with control, zero-width or bidi-override characters', async () => {
      const member = await newMember(t);
      for (const displayName of ['evil\u202Eadmin', 'zero\u200Bwidth', 'bell\u0007', '']) {
        const response = await t.http().patch('/api/me').set(member.auth).send({ displayName }).expect(400);
        expect(JSON.stringify(response.body.message)).toContain('displayName');
      }
      const ok = await t.http().patch('/api/me').set(member.auth).send({ displayName: '  Éloïse 🌿 ' }).expect(200);
      expect(ok.body.displayName).toBe('Éloïse 🌿');
    });

    it('never shows a member’s email in the public user shape', async () => {
      const member = await newMember(t);
      const login = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
      expect(Object.keys(login.body.user).sort()).toEqual([
        'alertRegions',
        'alertTeam',
        'alertsOff',
        'avatarUrl',
        'bio',
        'createdAt',
        'discreet',
        'displayName',
        'email',
        'emailProblem',
        'emailVerified',
        'id',
        'locale',
        'messagesFrom',
        'pronouns',
        'role',
        'signOutOnQuickExit',
        'twoFactor',
        'username',
      ]);
    });
  });
});
