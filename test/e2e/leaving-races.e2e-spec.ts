import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { deletionUnderWay } from '../support/deletion-race';

/**
 * A member's own writes racing their deletion (a second session still open while DELETE /api/me runs): each
 * waits for the deletion's row lock, then finds the account gone (401) and writes nothing behind the erasure.
 */
describe('leaving: own writes racing the deletion', () => {
  let t: TestApp;

  let category: string;
  /** The site's admin, who also starts topics the leaving members reply to. */
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
  });
  afterAll(() => t.close());

  const duringDeletion = (who: TestMember, send: () => PromiseLike<{ status: number }>) => deletionUnderWay(t, who, send);

  async function row(who: TestMember) {
    const [user] = await sql<{ display_name: string; bio: string; avatar_version: number; password_hash: string; email: string }>(
      t.databaseUrl,
      'SELECT display_name, bio, avatar_version, password_hash, email FROM users WHERE id = $1',
      [who.user.id],
    );
    const [counts] = await sql<{ avatars: number; tokens: number; mails: number }>(
      t.databaseUrl,
      `SELECT (SELECT count(*)::int FROM user_avatars WHERE user_id = $1) AS avatars,
              (SELECT count(*)::int FROM email_tokens WHERE user_id = $1) AS tokens,
              (SELECT count(*)::int FROM pgboss.job WHERE name = 'mail.send' AND data::text ILIKE '%' || $2 || '%') AS mails`,
      [who.user.id, who.user.email],
    );
    return { ...user, ...counts };
  }

  const picture = () =>
    sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();

  it('stores no picture uploaded during the deletion: no avatar rows, the version stays on the generated picture', async () => {
    const leaving = await newMember(t);
    const bytes = await picture();
    const status = await duringDeletion(leaving, () => t.http().put('/api/me/avatar').set(leaving.auth).attach('file', bytes, 'me.png'));
    expect(status).toBe(401);
    const after = await row(leaving);
    expect([after.avatars, after.avatar_version]).toEqual([0, -1]);
  });

  it('answers a picture removed during the deletion as signed out, and the row stays erased', async () => {
    const leaving = await newMember(t);
    await t
      .http()
      .put('/api/me/avatar')
      .set(leaving.auth)
      .attach('file', await picture(), 'me.png')
      .expect(200);
    const status = await duringDeletion(leaving, () => t.http().delete('/api/me/avatar').set(leaving.auth));
    expect(status).toBe(401);
    const after = await row(leaving);
    expect([after.avatars, after.avatar_version]).toEqual([0, -2]);
  });

  it('writes no name or bio back onto the erased row (PATCH /api/me during the deletion)', async () => {
    const leaving = await newMember(t);
    const status = await duringDeletion(leaving, () =>
      t.http().patch('/api/me').set(leaving.auth).send({ displayName: 'Race Person', bio: 'RACEBIO', pronouns: 'she/her' }),
    );
    expect(status).toBe(401);
    const after = await row(leaving);
    expect(after.display_name).toMatch(/^deleted-\d+$/);
    expect(after.bio).toBe('');
  });

  it('sets no password and mails nobody for a password change during the deletion', async () => {
    const leaving = await newMember(t);
    const mailsBefore = (await row(leaving)).mails;
    const status = await duringDeletion(leaving, () =>
      t
        .http()
        .post('/api/me/password')
        .set(leaving.auth)
        .send({ currentPassword: leaving.password, newPassword: 'a brand new passphrase' }),
    );
    expect(status).toBe(401);
    const after = await row(leaving);
    expect(after.password_hash).toBe('!deleted');
    expect(after.mails).toBe(mailsBefore);
  });

  it('keeps no link and mails nobody for an address change during the deletion', async () => {
    const leaving = await newMember(t);
    const mailsBefore = (await row(leaving)).mails;
    const status = await duringDeletion(leaving, () =>
      t
        .http()
        .post('/api/me/email')
        .set(leaving.auth)
        .send({ password: leaving.password, email: `new-${leaving.user.username}@example.org` }),
    );
    expect(status).toBe(401);
    const after = await row(leaving);
    expect([after.tokens, after.mails]).toEqual([0, mailsBefore]);
    const [newAddress] = await sql<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data::text ILIKE '%' || $1 || '%'`,
      [`new-${leaving.user.username}@example.org`],
    );
    expect(newAddress?.n).toBe(0);
  });

  it('keeps no link and mails nobody for a verification link asked again during the deletion', async () => {
    const leaving = await newMember(t);
    await sql(t.databaseUrl, 'UPDATE users SET email_verified_at = NULL WHERE id = $1', [leaving.user.id]);
    const mailsBefore = (await row(leaving)).mails;
    const status = await duringDeletion(leaving, () => t.http().post('/api/me/verify-email').set(leaving.auth));
    expect(status).toBe(401);
    const after = await row(leaving);
    expect([after.tokens, after.mails]).toEqual([0, mailsBefore]);
  });

  /** A link as the mail carries it, stored as its hash (as the services store theirs). */
  async function storedLink(table: 'email_tokens' | 'password_resets', who: TestMember): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    await (table === 'email_tokens'
      ? sql(
          t.databaseUrl,
          `INSERT INTO email_tokens (user_id, email, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
          [who.user.id, `moved-${who.user.username}@example.org`, hash],
        )
      : sql(t.databaseUrl, `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
          who.user.id,
          hash,
        ]));
    return token;
  }

  // The deletion locks the row and then deletes the member's links; a link followed meanwhile used to lock the
  // link and then wait for the row: a deadlock, one side aborted (a 500, or the deletion itself failing).
  it('answers an address link followed during the deletion as a spent link (400), and the deletion goes through', async () => {
    const leaving = await newMember(t);
    const token = await storedLink('email_tokens', leaving);
    const status = await duringDeletion(leaving, () => t.http().post('/api/auth/verify-email').send({ token }));
    expect(status).toBe(400);
    expect((await row(leaving)).email).toMatch(/^deleted-\d+@deleted\.invalid$/);
  });

  it('answers a reset link followed during the deletion as a spent link (400), setting no password', async () => {
    const leaving = await newMember(t);
    const token = await storedLink('password_resets', leaving);
    const status = await duringDeletion(leaving, () =>
      t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new passphrase' }),
    );
    expect(status).toBe(400);
    expect((await row(leaving)).password_hash).toBe('!deleted');
  });

  it('stores and mails no reset link asked for during the deletion', async () => {
    const leaving = await newMember(t);
    const mailsBefore = (await row(leaving)).mails;
    const status = await duringDeletion(leaving, () => t.http().post('/api/auth/password-reset').send({ email: leaving.user.email }));
    expect(status).toBe(202);
    // The link is made after the answer: give it the time it takes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [resets] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [
      leaving.user.id,
    ]);
    expect([resets?.n, (await row(leaving)).mails]).toEqual([0, mailsBefore]);
  });

  it('puts no address back on the mailing list for a subscription clicked during the deletion', async () => {
    const leaving = await newMember(t);
    const status = await duringDeletion(leaving, () => t.http().put('/api/mailing/me').set(leaving.auth).send({ subscribed: true }));
    expect(status).toBe(401);
    const [listed] = await sql<{ n: number }>(
      t.databaseUrl,
      'SELECT count(*)::int AS n FROM subscribers WHERE email = $1 OR user_id = $2',
      [leaving.user.email, leaving.user.id],
    );
    expect(listed?.n).toBe(0);
  });

  describe('the member’s words (their deletion with posts: "delete")', () => {
    const words = async (who: TestMember) =>
      (
        await sql<{ text: string }>(
          t.databaseUrl,
          `SELECT coalesce(string_agg(p.body, '|'), '') || '#' || coalesce((SELECT string_agg(title, '|') FROM topics WHERE author_id = $1), '')
                  AS text
             FROM posts p WHERE p.author_id = $1`,
          [who.user.id],
        )
      )[0]?.text;

    it('takes no reply or topic sent during the deletion (401)', async () => {
      const leaving = await newMember(t);
      const topic = await newTopic(t, leaving, category, 'Before');
      expect(
        await duringDeletion(leaving, () => t.http().post(`/api/topics/${topic.id}/posts`).set(leaving.auth).send({ body: 'RACEREPLY' })),
      ).toBe(401);
      const again = await newMember(t);
      expect(
        await duringDeletion(again, () =>
          t.http().post('/api/topics').set(again.auth).send({ categoryId: category, title: 'RACETITLE here', body: 'RACEBODY' }),
        ),
      ).toBe(401);
      expect(await words(leaving)).toBe('#[deleted]');
      expect(await words(again)).toBe('#');
    });

    it('writes no edit onto a tombstone and no title over "[deleted]" during the deletion', async () => {
      const leaving = await newMember(t);
      const reply = await newReply(t, leaving, (await newTopic(t, admin, category, 'Theirs')).id, 'My words');
      expect(
        await duringDeletion(leaving, () => t.http().patch(`/api/posts/${reply.id}`).set(leaving.auth).send({ body: 'RACEEDIT' })),
      ).toBe(401);
      expect(await words(leaving)).toBe('#');
      const starter = await newMember(t);
      const topic = await newTopic(t, starter, category, 'Mine');
      expect(
        await duringDeletion(starter, () => t.http().patch(`/api/topics/${topic.id}`).set(starter.auth).send({ title: 'RACETITLE again' })),
      ).toBe(401);
      expect(await words(starter)).toBe('#[deleted]');
      const [revisions] = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM post_revisions WHERE post_id = $1', [
        reply.id,
      ]);
      expect(revisions?.n).toBe(0);
    });
  });
});
