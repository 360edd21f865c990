import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import type { ReceivedMail } from '../support/smtp-sink';

/**
 * Email verification and registration that tells nobody who is a member (api.md 1.1, "Account security and
 * leaving"): the 202 for new and taken addresses alike, one-use hashed expiring links, sign-in waiting for
 * them, and changes of address that take effect only when the new address's link is followed.
 */
describe('registration with email verification', () => {
  let t: TestApp;
  let admin: TestMember;
  const password = 'long enough 1';
  const register = (username: string, email: string, extra: object = {}) =>
    t
      .http()
      .post('/api/auth/register')
      .send({ username, email, password, ...extra });
  const login = (name: string, pass = password) => t.http().post('/api/auth/login').send({ login: name, password: pass });

  /** The first mail to `address` whose subject contains `subject` (mail leaves through the job queue). */
  async function mailTo(address: string, subject: string): Promise<ReceivedMail> {
    for (let i = 0; i < 150; i++) {
      const found = t.smtp!.messages.find((m) => m.to.includes(address) && m.subject.includes(subject));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No mail "${subject}" to ${address}`);
  }
  const linkToken = (mail: ReceivedMail): string => {
    const match = /verify-email\?token=([\w-]+)/.exec(mail.text);
    if (!match?.[1]) throw new Error(`No link in:\n${mail.text}`);
    return match[1];
  };
  const userRow = async (username: string) =>
    (
      await sql<{ email: string; must_verify_email: boolean; email_verified_at: Date | null; status: string }>(
        t.databaseUrl,
        'SELECT email, must_verify_email, email_verified_at, status FROM users WHERE username_key = $1',
        [username],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { username: 'founder' });
  });
  afterAll(() => t.close());

  it('exempts the first account of a new site: it is signed in at once and need not verify', async () => {
    expect(admin.user).toMatchObject({ role: 'admin', emailVerified: false });
    expect(await userRow('founder')).toMatchObject({ must_verify_email: false });
    await login('founder', admin.password).expect(200);
  });

  it('answers 202 verify_email with no session, and sign-in waits for the one-use link', async () => {
    const response = await register('newcomer', 'Newcomer@Example.org').expect(202);
    expect(response.body).toEqual({ status: 'verify_email' });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await userRow('newcomer')).toMatchObject({ must_verify_email: true, email_verified_at: null, status: 'active' });

    const refused = await login('newcomer').expect(403);
    expect(refused.body).toEqual({ statusCode: 403, message: 'verify your email first', error: 'Forbidden' });
    // A wrong password is still the plain 401: the unverified state is not told to a guesser.
    await login('newcomer', 'wrong password').expect(401);

    const mail = await mailTo('newcomer@example.org', 'Confirm your email address');
    const token = linkToken(mail);
    expect(mail.text).toContain(`${t.config.publicUrl}/verify-email?token=`);
    const stored = await sql<{ token_hash: string }>(t.databaseUrl, 'SELECT token_hash FROM email_tokens');
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    await t.http().post('/api/auth/verify-email').send({ token }).expect(204);
    const signedIn = await login('newcomer').expect(200);
    expect(signedIn.body.user).toMatchObject({ email: 'newcomer@example.org', emailVerified: true });
    const reused = await t.http().post('/api/auth/verify-email').send({ token }).expect(400);
    expect(reused.body.message).toMatch(/token/);
  });

  it('answers a taken address exactly as a new one, even when the name is tried again, and tells the address’s owner instead', async () => {
    const fresh = await register('brandnew', 'brandnew@example.org').expect(202);
    const taken = await register('impostor', 'NEWCOMER@example.org').expect(202);
    expect(taken.body).toEqual(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    // The owner's account is untouched: the name is held at an address nobody reads, so trying the name again
    // or signing in with it answers exactly as for the new address's account.
    expect(await userRow('newcomer')).toMatchObject({ email: 'newcomer@example.org' });
    expect(await userRow('impostor')).toMatchObject({ email: expect.stringMatching(/@held\.invalid$/), must_verify_email: true });
    const again = [await register('brandnew', 'x1@example.org'), await register('impostor', 'x2@example.org')];
    expect(again.map((r) => [r.status, r.body])).toEqual([
      [409, again[0]!.body],
      [409, again[0]!.body],
    ]);
    const signIns = [await login('brandnew'), await login('impostor')];
    expect(signIns.map((r) => [r.status, r.body])).toEqual([
      [403, signIns[0]!.body],
      [403, signIns[0]!.body],
    ]);

    const notice = await mailTo('newcomer@example.org', 'An account already uses this address');
    expect(notice.text).toContain(`${t.config.publicUrl}/sign-in`);
    expect(notice.text).not.toContain('impostor');
    await login('newcomer').expect(200);
  });

  it('still answers 409 for a taken username (usernames are public), and 400 naming bad fields, storing nothing', async () => {
    const conflict = await register('NEWCOMER', 'someone-else@example.org').expect(409);
    expect(conflict.body.message).toMatch(/username/);
    const bad = await register('okname', 'not-an-email').expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('email');
    expect(await userRow('okname')).toBeUndefined();
    const badToken = await t
      .http()
      .post('/api/auth/verify-email')
      .send({ token: 'x'.repeat(101) })
      .expect(400);
    expect(JSON.stringify(badToken.body.message)).toContain('token');
    const extra = await t.http().post('/api/auth/verify-email').send({ token: 'abc', userId: 'x' }).expect(400);
    expect(JSON.stringify(extra.body.message)).toContain('userId');
    await t.http().post('/api/auth/verify-email').send({}).expect(400);
  });

  it('refuses an expired link; signing in with the right password sends a fresh one', async () => {
    await register('latecomer', 'latecomer@example.org').expect(202);
    const token = linkToken(await mailTo('latecomer@example.org', 'Confirm your email address'));
    await sql(t.databaseUrl, `UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE email = 'latecomer@example.org'`);
    await t.http().post('/api/auth/verify-email').send({ token }).expect(400);
    const before = t.smtp!.countFor('latecomer@example.org');
    await login('latecomer', 'wrong password').expect(401);
    await login('latecomer').expect(403);
    for (let i = 0; i < 150 && t.smtp!.countFor('latecomer@example.org') === before; i++) await new Promise((r) => setTimeout(r, 100));
    // Exactly one more: the wrong password sent nothing.
    expect(t.smtp!.countFor('latecomer@example.org')).toBe(before + 1);
    const fresh = t.smtp!.messages.filter((m) => m.to.includes('latecomer@example.org')).at(-1)!;
    expect(linkToken(fresh)).not.toBe(token);
    // Left unused: a later test signs in as latecomer while verification is off.
  });

  it('takes a followed password-reset link as proof of the address', async () => {
    await register('resetter', 'resetter@example.org').expect(202);
    await t.http().post('/api/auth/password-reset').send({ email: 'resetter@example.org' }).expect(202);
    const reset = await mailTo('resetter@example.org', 'Reset your');
    const resetToken = /reset-password\?token=([\w-]+)/.exec(reset.text)![1]!;
    await t.http().post('/api/auth/password-reset/confirm').send({ token: resetToken, password: 'a new long password' }).expect(204);
    const signedIn = await login('resetter', 'a new long password').expect(200);
    expect(signedIn.body.user.emailVerified).toBe(true);
  });

  it('sends the link again on request (POST /api/me/verify-email), and 409 once verified', async () => {
    const before = t.smtp!.countFor('founder@example.org');
    await t.http().post('/api/me/verify-email').set(admin.auth).expect(202);
    const mail = await mailTo('founder@example.org', 'Confirm your email address');
    expect(t.smtp!.countFor('founder@example.org')).toBe(before + 1);
    await t
      .http()
      .post('/api/auth/verify-email')
      .send({ token: linkToken(mail) })
      .expect(204);
    const me = await t.http().get('/api/me').set(admin.auth).expect(200);
    expect(me.body.emailVerified).toBe(true);
    await t.http().post('/api/me/verify-email').set(admin.auth).expect(409);
    await t.http().post('/api/me/verify-email').expect(401);
  });

  it('verifies an address an invitation was mailed to, and lets approval wait after verification', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'invite' }).expect(200);
    const invitation = await t.http().post('/api/admin/invitations').set(admin.auth).send({ email: 'guest@example.org' }).expect(201);
    const joined = await register('guest', 'guest@example.org', { invitation: invitation.body.token }).expect(201);
    expect(joined.body.user).toMatchObject({ username: 'guest', emailVerified: true });

    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'approval' }).expect(200);
    const waiting = await register('waiting', 'waiting@example.org').expect(202);
    expect(waiting.body).toEqual({ status: 'verify_email' });
    await t
      .http()
      .post('/api/auth/verify-email')
      .send({ token: linkToken(await mailTo('waiting@example.org', 'Confirm')) })
      .expect(204);
    expect((await login('waiting').expect(403)).body.message).toMatch(/approve/);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'open' }).expect(200);
  });

  it('with verification off registers as in version 1; turning it on never locks those accounts out', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'off' }).expect(200);
    const created = await register('whileoff', 'whileoff@example.org').expect(201);
    expect(created.body.token).toEqual(expect.any(String));
    await register('whileoff2', 'whileoff@example.org').expect(409);
    // An account still waiting for its link may sign in while admins have verification off; a held name never
    // (it was registered with an address that already had an account: nobody may use it).
    await login('latecomer').expect(200);
    expect((await login('impostor').expect(403)).body.message).toMatch(/verify your email/);

    await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'required' }).expect(200);
    await login('whileoff').expect(200);
    await login('latecomer').expect(403);
    expect(await userRow('whileoff')).toMatchObject({ must_verify_email: false });
  });

  describe('changing the address', () => {
    let member: TestMember;
    let holder: TestMember;
    beforeAll(async () => {
      member = await newMember(t, { username: 'mover' });
      holder = await newMember(t, { username: 'holder' });
    });
    const change = (body: object) => t.http().post('/api/me/email').set(member.auth).send(body);
    /** Links sent for a change (the one sent at registration aside). */
    const links = () =>
      sql<{ email: string }>(t.databaseUrl, `SELECT email FROM email_tokens WHERE user_id = $1 AND email <> 'mover@example.org'`, [
        member.user.id,
      ]);

    it('refuses a wrong password (403) and bad input (400 naming the field), storing and sending nothing', async () => {
      await change({ password: 'not the password', email: 'moved@example.org' }).expect(403);
      const badEmail = await change({ password: member.password, email: 'moved at example' }).expect(400);
      expect(JSON.stringify(badEmail.body.message)).toContain('email');
      const missing = await change({ email: 'moved@example.org' }).expect(400);
      expect(JSON.stringify(missing.body.message)).toContain('password');
      await change({ password: member.password, email: 'MOVER@example.org' }).expect(400);
      expect(await links()).toEqual([]);
      expect(t.smtp!.countFor('moved@example.org')).toBe(0);
    });

    it('sends a link to the new address and a notice to the old one; the change happens when the link is followed', async () => {
      await change({ password: member.password, email: 'Moved@Example.org' }).expect(202);
      const notice = await mailTo('mover@example.org', 'is being changed');
      expect(notice.text).not.toContain('moved@example.org');
      const link = await mailTo('moved@example.org', 'Confirm your new email address');
      // Nothing changes until then.
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body.email).toBe('mover@example.org');
      await login('moved@example.org', member.password).expect(401);

      await t
        .http()
        .post('/api/auth/verify-email')
        .send({ token: linkToken(link) })
        .expect(204);
      const me = await t.http().get('/api/me').set(member.auth).expect(200);
      expect(me.body).toMatchObject({ email: 'moved@example.org', emailVerified: true });
      await login('moved@example.org', member.password).expect(200);
      await login('mover@example.org', member.password).expect(401);
      await t
        .http()
        .post('/api/auth/verify-email')
        .send({ token: linkToken(link) })
        .expect(400);
    });

    it('answers a taken address the same 202, sends it the in-use notice and no link', async () => {
      const address = holder.user.email;
      const before = t.smtp!.countFor(address);
      await change({ password: member.password, email: address }).expect(202);
      const notice = await mailTo(address, 'An account already uses this address');
      expect(notice.text).not.toContain('verify-email');
      expect(t.smtp!.countFor(address)).toBe(before + 1);
      expect((await links()).map((row) => row.email)).not.toContain(address);
    });

    it('answers 409 when the new address was taken by another account after the link was sent', async () => {
      await change({ password: member.password, email: 'contested@example.org' }).expect(202);
      const link = await mailTo('contested@example.org', 'Confirm your new email address');
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'off' }).expect(200);
      await register('contester', 'contested@example.org').expect(201);
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ emailVerification: 'required' }).expect(200);
      await t
        .http()
        .post('/api/auth/verify-email')
        .send({ token: linkToken(link) })
        .expect(409);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body.email).toBe('moved@example.org');
    });
  });
});
