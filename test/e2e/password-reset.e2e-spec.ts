import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';

function linkToken(text: string): string {
  const match = /reset-password\?token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`No reset link in:\n${text}`);
  return match[1];
}

describe('password reset by email', () => {
  let t: TestApp;
  let member: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    await newMember(t); // the admin
    member = await newMember(t, { username: 'forgetful' });
  });
  afterAll(() => t.close());

  it('answers 202 whether or not the address has an account, and mails only a real one', async () => {
    await t.http().post('/api/auth/password-reset').send({ email: 'nobody@example.org' }).expect(202);
    await t.http().post('/api/auth/password-reset').send({ email: 'FORGETFUL@example.org' }).expect(202);
    const mail = await t.smtp!.waitFor('forgetful@example.org');
    expect(mail.subject).toBe('Reset your Harbour password');
    expect(mail.text).toContain(`${t.config.publicUrl}/reset-password?token=`);
    expect(mail.html).toContain('reset-password?token=');
    expect(t.smtp!.messages.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
  });

  it('sets the new password, works once, and signs out every other session', async () => {
    t.smtp!.messages.length = 0;
    const otherDevice = await t.http().post('/api/auth/login').send({ login: 'forgetful', password: member.password }).expect(200);
    await t.http().post('/api/auth/password-reset').send({ email: 'forgetful@example.org' }).expect(202);
    const token = linkToken((await t.smtp!.waitFor('forgetful@example.org')).text);

    await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new secret' }).expect(204);
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${otherDevice.body.token as string}`)
      .expect(401);
    await t.http().get('/api/me').set(member.auth).expect(401);
    await t.http().post('/api/auth/login').send({ login: 'forgetful', password: member.password }).expect(401);
    await t.http().post('/api/auth/login').send({ login: 'forgetful', password: 'a brand new secret' }).expect(200);

    const again = await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'yet another one' }).expect(400);
    expect(again.body.message).toMatch(/token/);
  });

  it('refuses an expired token and a made-up one, naming the token', async () => {
    t.smtp!.messages.length = 0;
    await t.http().post('/api/auth/password-reset').send({ email: 'forgetful@example.org' }).expect(202);
    const token = linkToken((await t.smtp!.waitFor('forgetful@example.org')).text);
    await sql(t.databaseUrl, `UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    const expired = await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'another secret' }).expect(400);
    expect(expired.body.message).toMatch(/token/);
    await t.http().post('/api/auth/password-reset/confirm').send({ token: 'made-up', password: 'another secret' }).expect(400);
    const weak = await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'short' }).expect(400);
    expect(JSON.stringify(weak.body.message)).toContain('password');
  });

  it('stores reset tokens hashed', async () => {
    const rows = await sql<{ token_hash: string }>(t.databaseUrl, 'SELECT token_hash FROM password_resets');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the mail in the member’s language', async () => {
    t.smtp!.messages.length = 0;
    // Only the reset mail matters here, not the link that verifies the new address.
    t.smtp!.dropVerificationLinkTo('francoise@example.org');
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'francoise', email: 'francoise@example.org', password: 'long enough 1', locale: 'fr' })
      .expect(202);
    await t.http().post('/api/auth/password-reset').send({ email: 'francoise@example.org' }).expect(202);
    const mail = await t.smtp!.waitFor('francoise@example.org');
    expect(mail.subject).toBe('Réinitialiser votre mot de passe Harbour');
    expect(mail.text).toContain('Ce lien ne fonctionne qu’une fois');
  });
});

describe('mail without an SMTP server', () => {
  it('lands in the outbox that admins can read', async () => {
    const t = await startTestApp({ smtp: false });
    try {
      const admin = await newMember(t);
      await t.http().post('/api/auth/password-reset').send({ email: admin.user.email }).expect(202);
      let items: { id: string; to: string; subject: string }[] = [];
      for (let i = 0; i < 60 && items.length === 0; i++) {
        items = (await t.http().get('/api/admin/outbox').set(admin.auth).expect(200)).body.items;
        if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(items[0]).toMatchObject({ to: admin.user.email, subject: 'Reset your Harbour password' });
      const message = await t.http().get(`/api/admin/outbox/${items[0]!.id}`).set(admin.auth).expect(200);
      expect(message.body.text).toContain(`${t.config.publicUrl}/reset-password?token=`);
      expect(message.body.raw).toContain('Subject: Reset your Harbour password');
      await t.http().get('/api/admin/outbox/..%2F..%2Fsession-secret').set(admin.auth).expect(404);
      const member = await newMember(t);
      await t.http().get('/api/admin/outbox').set(member.auth).expect(403);
    } finally {
      await t.close();
    }
  });
});
