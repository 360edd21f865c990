import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, newSite, type TestMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { withLoginLimit } from '../support/rate-limits';

/** The rules around deleting an account: who may, what is asked, and what happens when it is asked at once. */
describe('leaving: the rules', () => {
  let t: TestApp;
  let admin: TestMember;
  let category: string;

  const status = async (userId: string) =>
    (await sql<{ status: string }>(t.databaseUrl, 'SELECT status FROM users WHERE id = $1', [userId]))[0]?.status;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newSite(t);
    category = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  it('names each bad field, refuses a wrong password with 403, and changes nothing', async () => {
    const member = await newMember(t);
    const bad: [object, string][] = [
      [{ password: member.password }, 'posts'],
      [{ password: member.password, posts: 'keep' }, 'posts'],
      [{ posts: 'delete' }, 'password'],
      [{ password: member.password, posts: 'delete', totp: 'nope' }, 'totp'],
      [{ password: member.password, posts: 'delete', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const response = await t.http().delete('/api/me').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    await t.http().delete('/api/me').set(member.auth).send({ password: 'not my password', posts: 'delete' }).expect(403);
    expect(await status(member.user.id)).toBe('active');
    await t.http().get('/api/me').set(member.auth).expect(200);
  });

  it('counts wrong passwords at export, deletion and two-factor in one budget per member, so a stolen session cannot guess', async () => {
    const member = await newMember(t);
    await withLoginLimit(t, admin, 3, async () => {
      await t.http().post('/api/me/export').set(member.auth).send({ password: 'guess one' }).expect(403);
      await t.http().delete('/api/me').set(member.auth).send({ password: 'guess two', posts: 'delete' }).expect(403);
      await t.http().post('/api/me/2fa').set(member.auth).send({ password: 'guess three' }).expect(403);
      // The budget is spent: even the right password waits, and nothing is deleted or exported.
      await t.http().post('/api/me/export').set(member.auth).send({ password: member.password }).expect(429);
      await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'delete' }).expect(429);
      expect(await status(member.user.id)).toBe('active');
    });
  });

  it('deletes once when the same request is sent eight times at once: one 204, the others signed out, nothing broken', async () => {
    const member = await newMember(t);
    await newTopic(t, member, category);
    const before = await sql<{ count: number }>(t.databaseUrl, `SELECT count(*)::int AS count FROM users WHERE status = 'deleted'`);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'delete' })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 401, 401, 401, 401, 401, 401, 401]);
    const after = await sql<{ count: number }>(t.databaseUrl, `SELECT count(*)::int AS count FROM users WHERE status = 'deleted'`);
    expect(after[0]!.count - before[0]!.count).toBe(1);
    await t.http().get('/api/health').expect(200);
    await newTopic(t, admin, category); // the forum still takes posts
  });

  it('asks for the second factor when two-factor is on: 403 without it, 204 with a current code (spaces around it trimmed)', async () => {
    const member = await newMember(t);
    const setup = await t.http().post('/api/me/2fa').set(member.auth).send({ password: member.password }).expect(200);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.body.secret as string), digits: 6, period: 30 });
    await t.http().post('/api/me/2fa/confirm').set(member.auth).send({ code: totp.generate() }).expect(200);
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'anonymize' }).expect(403);
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'anonymize', totp: '000000' }).expect(403);
    expect(await status(member.user.id)).toBe('active');
    // The confirming code's time step is spent: the next step's code is the one that works, pasted with spaces around it.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    await t
      .http()
      .delete('/api/me')
      .set(member.auth)
      .send({ password: member.password, posts: 'anonymize', totp: ` ${next} ` })
      .expect(204);
    const [row] = await sql<{ totp_secret: string | null; codes: number }>(
      t.databaseUrl,
      'SELECT totp_secret, (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1) AS codes FROM users WHERE id = $1',
      [member.user.id],
    );
    expect(row).toEqual({ totp_secret: null, codes: 0 });
  });

  it('lets an admin delete an account on request, logged without the erased name; never another admin’s, nor by others', async () => {
    const member = await newMember(t);
    const moderator = await newMember(t, { role: 'moderator' });
    const otherAdmin = await newMember(t, { role: 'admin' });
    await t.http().delete(`/api/admin/users/${member.user.id}`).set(moderator.auth).send({ posts: 'delete' }).expect(403);
    await t.http().delete(`/api/admin/users/${otherAdmin.user.id}`).set(admin.auth).send({ posts: 'delete' }).expect(403);
    await t.http().delete(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ posts: 'nothing' }).expect(400);
    await t.http().delete('/api/admin/users/not-an-id').set(admin.auth).send({ posts: 'delete' }).expect(404);
    await t.http().delete(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ posts: 'anonymize' }).expect(204);
    await t.http().delete(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ posts: 'anonymize' }).expect(404);
    expect(await status(member.user.id)).toBe('deleted');
    await t.http().get('/api/me').set(member.auth).expect(401);
    const log = await sql<{ actor_id: string; reason: string }>(
      t.databaseUrl,
      `SELECT actor_id, reason FROM moderation_log WHERE action = 'user.delete' AND target_id = $1`,
      [member.user.id],
    );
    expect(log).toEqual([{ actor_id: admin.user.id, reason: 'posts: anonymize' }]);
  });

  it('leaves a deleted account out of the admin member list; its role change and approval are the 404 of a missing member', async () => {
    const member = await newMember(t);
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'delete' }).expect(204);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['patch', '', { role: 'moderator' }],
      ['post', '/approve', {}],
    ] as const) {
      const gone = await t.http()[method](`/api/admin/users/${member.user.id}${path}`).set(admin.auth).send(body);
      const unknown = await t.http()[method](`/api/admin/users/${missing}${path}`).set(admin.auth).send(body);
      expect([gone.status, gone.body]).toEqual([404, unknown.body]);
    }
    const [row] = await sql<{ role: string; username: string }>(t.databaseUrl, 'SELECT role, username FROM users WHERE id = $1', [
      member.user.id,
    ]);
    expect(row?.role).toBe('member');
    const ids: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
      const page = await t
        .http()
        .get('/api/admin/users')
        .query({ limit: 100, ...(cursor ? { cursor } : {}) })
        .set(admin.auth)
        .expect(200);
      ids.push(...(page.body.items as { id: string }[]).map((item) => item.id));
      cursor = page.body.nextCursor as string | null;
    }
    expect(ids).toContain(admin.user.id);
    expect(ids).not.toContain(member.user.id);
    const byName = await t.http().get('/api/admin/users').query({ q: row?.username }).set(admin.auth).expect(200);
    expect(byName.body.items).toEqual([]);
  });

  it('keeps the last admin from leaving, and lets a silenced member leave, their outbox mail gone with them', async () => {
    const fresh = await startTestApp({ smtp: false });
    try {
      const only = await newSite(fresh);
      await fresh.http().delete('/api/me').set(only.auth).send({ password: only.password, posts: 'delete' }).expect(409);
      expect((await sql<{ status: string }>(fresh.databaseUrl, 'SELECT status FROM users WHERE id = $1', [only.user.id]))[0]?.status).toBe(
        'active',
      );
      const silenced = await newMember(fresh);
      await sql(fresh.databaseUrl, `UPDATE users SET silenced_until = now() + interval '1 day' WHERE id = $1`, [silenced.user.id]);
      await fresh.http().post('/api/me/export').set(silenced.auth).send({ password: silenced.password }).expect(200);
      // Without an SMTP server mail lands in the outbox folder: a reset link for them, and one for someone else.
      await fresh.http().post('/api/auth/password-reset').send({ email: silenced.user.email }).expect(202);
      await fresh.http().post('/api/auth/password-reset').send({ email: only.user.email }).expect(202);
      const outbox = join(fresh.dataDir, 'mail');
      const mentioning = (word: string) =>
        existsSync(outbox) ? readdirSync(outbox).filter((name) => readFileSync(join(outbox, name), 'utf8').includes(word)) : [];
      for (let tries = 0; mentioning(silenced.user.email).length === 0 || mentioning(only.user.email).length === 0; tries++) {
        if (tries > 100) throw new Error('the reset mail never reached the outbox');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await fresh.http().delete('/api/me').set(silenced.auth).send({ password: silenced.password, posts: 'delete' }).expect(204);
      expect(mentioning(silenced.user.email)).toEqual([]);
      expect(mentioning(only.user.email).length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
