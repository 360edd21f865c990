import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import type { TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, newSite, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { withLoginLimit } from '../support/rate-limits';

/** A code of `secret` for the step `offset` steps from now, as an authenticator app shows it. */
function code(secret: string, offset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });
}

async function totpColumns(t: TestApp, userId: string) {
  const [row] = await sql<{ totp_secret: string | null; totp_pending_secret: string | null; codes: string }>(
    t.databaseUrl,
    `SELECT totp_secret, totp_pending_secret, (SELECT count(*) FROM recovery_codes WHERE user_id = $1) AS codes FROM users WHERE id = $1`,
    [userId],
  );
  return row!;
}

describe('two-factor authentication', () => {
  let t: TestApp;
  let admin: TestMember;
  let member: TestMember;
  let secret: string;
  let recoveryCodes: string[];
  const login = (body: object) =>
    t
      .http()
      .post('/api/auth/login')
      .send({ login: member.user.username, password: member.password, ...body });
  /** Codes are accepted once per time step: tests that sign in several times start from a clean slate. */
  const forgetUsedSteps = () => sql(t.databaseUrl, 'UPDATE users SET totp_last_step = NULL WHERE id = $1', [member.user.id]);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newSite(t);
    member = await newMember(t, { username: 'careful' });
  });
  afterAll(() => t.close());

  it('refuses bad input naming the field, and a wrong password with 403, storing nothing', async () => {
    for (const [body, field] of [
      [{}, 'password'],
      [{ password: 42 }, 'password'],
      [{ password: member.password, extra: true }, 'extra'],
    ] as const) {
      const response = await t.http().post('/api/me/2fa').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    const wrong = await t.http().post('/api/me/2fa').set(member.auth).send({ password: 'not my password' }).expect(403);
    expect(wrong.body.message).toBe('wrong password');
    await t.http().post('/api/me/2fa/confirm').set(member.auth).send({ code: '123456' }).expect(409);
    expect(await totpColumns(t, member.user.id)).toEqual({ totp_secret: null, totp_pending_secret: null, codes: '0' });
  });

  it('writes no secret onto an account whose deletion was under way: the set-up waits, then finds it gone', async () => {
    const leaving = await newMember(t);
    // The deletion's transaction, held open where lockForDeletion holds it: the row locked, then erased.
    const deletion = new Client({ connectionString: t.databaseUrl });
    await deletion.connect();
    try {
      await deletion.query('BEGIN');
      await deletion.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [leaving.user.id]);
      const setup = t
        .http()
        .post('/api/me/2fa')
        .set(leaving.auth)
        .send({ password: leaving.password })
        .then((response) => response.status);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await deletion.query("UPDATE users SET status = 'deleted', totp_pending_secret = NULL WHERE id = $1", [leaving.user.id]);
      await deletion.query('COMMIT');
      expect(await setup).toBe(401);
    } finally {
      await deletion.end();
    }
    expect(await totpColumns(t, leaving.user.id)).toEqual({ totp_secret: null, totp_pending_secret: null, codes: '0' });
  });

  it('offers a secret that stays off until a code from it is confirmed, then gives ten recovery codes once', async () => {
    const setup = await t.http().post('/api/me/2fa').set(member.auth).send({ password: member.password }).expect(200);
    secret = setup.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(setup.body.otpauthUrl as string);
    expect([url.protocol, url.host, decodeURIComponent(url.pathname), url.searchParams.get('secret')]).toEqual([
      'otpauth:',
      'totp',
      '/Harbour:careful',
      secret,
    ]);
    // Sealed at rest: the database never holds the secret itself.
    const stored = await totpColumns(t, member.user.id);
    expect(stored.totp_pending_secret).toMatch(/^v1\./);
    expect(stored.totp_pending_secret).not.toContain(secret);
    expect((await t.http().get('/api/me').set(member.auth).expect(200)).body.twoFactor).toBe(false);
    await login({}).expect(200);

    for (const bad of ['12345', 'abcdef', '1234567', '']) {
      const response = await t.http().post('/api/me/2fa/confirm').set(member.auth).send({ code: bad }).expect(400);
      expect(JSON.stringify(response.body.message)).toContain('code');
    }
    const wrongCode = code(secret, 3);
    await t.http().post('/api/me/2fa/confirm').set(member.auth).send({ code: wrongCode }).expect(403);
    expect((await totpColumns(t, member.user.id)).totp_secret).toBeNull();

    const confirmed = await t
      .http()
      .post('/api/me/2fa/confirm')
      .set(member.auth)
      .send({ code: code(secret) })
      .expect(200);
    recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const on = await totpColumns(t, member.user.id);
    expect(on).toMatchObject({ totp_pending_secret: null, codes: '10' });
    expect(on.totp_secret).toMatch(/^v1\./);
    const hashes = await sql<{ code_hash: string }>(t.databaseUrl, 'SELECT code_hash FROM recovery_codes WHERE user_id = $1', [
      member.user.id,
    ]);
    for (const { code_hash } of hashes) expect(recoveryCodes.map((c) => c.replace('-', ''))).not.toContain(code_hash.trim());
    expect((await t.http().get('/api/me').set(member.auth).expect(200)).body.twoFactor).toBe(true);
    await t
      .http()
      .post('/api/me/2fa/confirm')
      .set(member.auth)
      .send({ code: code(secret) })
      .expect(409);
    await t.http().post('/api/me/2fa').set(member.auth).send({ password: member.password }).expect(409);
  });

  it('asks for the code at sign-in, accepts it once, and tells a wrong password apart from a missing code only after the password', async () => {
    await forgetUsedSteps();
    const missing = await login({}).expect(401);
    expect(missing.body).toEqual({ statusCode: 401, message: 'two-factor code required', totpRequired: true, error: 'Unauthorized' });
    const wrongPassword = await login({ password: 'not the password', totp: code(secret) }).expect(401);
    expect(wrongPassword.body).toEqual({ statusCode: 401, message: 'invalid credentials', error: 'Unauthorized' });
    const wrong = await login({ totp: code(secret, 5) }).expect(401);
    expect(wrong.body.totpRequired).toBe(true);
    const badShape = await login({ totp: '12ab' }).expect(400);
    expect(JSON.stringify(badShape.body.message)).toContain('totp');

    const now = code(secret);
    const signedIn = await login({ totp: now }).expect(200);
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${signedIn.body.token as string}`)
      .expect(200);
    // The same code again, as someone who saw it over a shoulder would try: refused.
    expect((await login({ totp: now }).expect(401)).body.totpRequired).toBe(true);
    // The next step's code is still new (a phone clock a little ahead); after it, the earlier one is spent too.
    await login({ totp: code(secret, 1) }).expect(200);
    await login({ totp: code(secret, -1) }).expect(401);
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const [first, second, third] = recoveryCodes;
    await login({ totp: first }).expect(200);
    expect((await login({ totp: first }).expect(401)).body.totpRequired).toBe(true);
    await login({ totp: second!.toUpperCase().replace('-', '') }).expect(200);
    // Strings are trimmed (api.md conventions): a code copied with the spaces around it still works.
    await login({ totp: ` ${third!} ` }).expect(200);
    await login({ totp: 'zzzzz-zzzzz' }).expect(401);
    expect((await totpColumns(t, member.user.id)).codes).toBe('7');
  });

  it('turns off only with the password and a code, refusing bad input by name', async () => {
    await forgetUsedSteps();
    for (const [body, field] of [
      [{ password: member.password }, 'code'],
      [{ code: code(secret) }, 'password'],
      [{ password: member.password, code: 'nope' }, 'code'],
    ] as const) {
      const response = await t.http().delete('/api/me/2fa').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    expect(
      (
        await t
          .http()
          .delete('/api/me/2fa')
          .set(member.auth)
          .send({ password: 'nope nope', code: code(secret) })
          .expect(403)
      ).body.message,
    ).toBe('wrong password');
    await t
      .http()
      .delete('/api/me/2fa')
      .set(member.auth)
      .send({ password: member.password, code: code(secret, 4) })
      .expect(403);
    expect((await totpColumns(t, member.user.id)).codes).toBe('7');

    await t
      .http()
      .delete('/api/me/2fa')
      .set(member.auth)
      .send({ password: member.password, code: code(secret) })
      .expect(204);
    expect(await totpColumns(t, member.user.id)).toEqual({ totp_secret: null, totp_pending_secret: null, codes: '0' });
    expect((await t.http().get('/api/me').set(member.auth).expect(200)).body.twoFactor).toBe(false);
    await login({}).expect(200);
    await t
      .http()
      .delete('/api/me/2fa')
      .set(member.auth)
      .send({ password: member.password, code: code(secret) })
      .expect(409);
  });

  it('gives staff powers only to staff who use two-factor while the site requires it, which an admin without it cannot turn on', async () => {
    const moderator = await newMember(t, { role: 'moderator' });
    const category = await newCategory(t, admin);
    const topic: TopicWithFirstPostDto = await newTopic(t, member, category);
    const enrol = async (who: TestMember): Promise<string> => {
      const setup = await t.http().post('/api/me/2fa').set(who.auth).send({ password: who.password }).expect(200);
      await t
        .http()
        .post('/api/me/2fa/confirm')
        .set(who.auth)
        .send({ code: code(setup.body.secret as string) })
        .expect(200);
      return setup.body.secret as string;
    };
    const canModerate = async (who: TestMember) =>
      ((await t.http().get(`/api/topics/${topic.id}`).set(who.auth).expect(200)).body.can as { moderate: boolean }).moderate;

    // An admin without two-factor would lose the admin pages the moment it took effect: refused, naming the setting.
    const refused = await t.http().patch('/api/admin/settings').set(admin.auth).send({ staffTwoFactor: true }).expect(409);
    expect(JSON.stringify(refused.body)).toContain('staffTwoFactor: turn on two-factor for your own account first');
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect((await t.http().get('/api/site').expect(200)).body.staffTwoFactor).toBe(false);
    await t.http().get('/api/admin/settings').set(admin.auth).expect(200);

    await enrol(admin);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ staffTwoFactor: true }).expect(200);
    expect((await t.http().get('/api/site').expect(200)).body.staffTwoFactor).toBe(true);

    // Without two-factor the moderator keeps their account and role, and acts as a member.
    expect((await t.http().get('/api/me').set(moderator.auth).expect(200)).body.role).toBe('moderator');
    await t.http().get('/api/moderation/queue').set(moderator.auth).expect(403);
    await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ pinned: true }).expect(403);
    expect(await canModerate(moderator)).toBe(false);
    // With it, the admin acts as staff.
    await t.http().get('/api/admin/settings').set(admin.auth).expect(200);
    expect(await canModerate(admin)).toBe(true);

    await enrol(moderator);
    await t.http().get('/api/moderation/queue').set(moderator.auth).expect(200);
    expect(await canModerate(moderator)).toBe(true);

    // A second admin without two-factor is refused the admin pages until the rule is lifted.
    const otherAdmin = await newMember(t, { role: 'admin' });
    await t.http().get('/api/admin/settings').set(otherAdmin.auth).expect(403);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ staffTwoFactor: false }).expect(200);
    await t.http().get('/api/admin/settings').set(otherAdmin.auth).expect(200);
  });

  it('counts every code tried towards the sign-in limit, so codes cannot be guessed', async () => {
    const guessed = await newMember(t, { username: 'guessed' });
    const setup = await t.http().post('/api/me/2fa').set(guessed.auth).send({ password: guessed.password }).expect(200);
    const guessedSecret = setup.body.secret as string;
    await t
      .http()
      .post('/api/me/2fa/confirm')
      .set(guessed.auth)
      .send({ code: code(guessedSecret) })
      .expect(200);
    await sql(t.databaseUrl, 'UPDATE users SET totp_last_step = NULL WHERE id = $1', [guessed.user.id]);
    await withLoginLimit(t, admin, 4, async () => {
      const attempt = (totp: string) => t.http().post('/api/auth/login').send({ login: 'guessed', password: guessed.password, totp });
      for (const offset of [3, 4, 5, 6]) await attempt(code(guessedSecret, offset)).expect(401);
      const limited = await attempt(code(guessedSecret)).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // The member's own counter holds too: turning two-factor off with a code is refused as well.
      await t
        .http()
        .delete('/api/me/2fa')
        .set(guessed.auth)
        .send({ password: guessed.password, code: code(guessedSecret) })
        .expect(429);
    });
  });
});
