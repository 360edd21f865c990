import sharp from 'sharp';
import { DEFAULT_RATE_LIMITS } from '@harbour/settings';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, newSite, type TestMember } from '../support/factories';

function resetToken(text: string): string {
  const match = /reset-password\?token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`No password link in:\n${text}`);
  return match[1];
}

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>');

/** First run, the site's identity, admin-made accounts and event invitation links (issue 19, stream D). */
describe('first run and site identity', () => {
  let t: TestApp;
  let admin: TestMember;
  beforeAll(async () => {
    // With the built client: the guest pages are rendered on the server from its index.html.
    t = await startTestApp({ webDir: `${__dirname}/../../dist/web` });
    admin = await newSite(t);
  });
  afterAll(() => t.close());

  it('lets a new site sign up a workshop from one address (30 an hour) and walks its first admin through setup', async () => {
    expect((await t.http().get('/api/admin/settings').set(admin.auth).expect(200)).body).toMatchObject({ setupDone: false });
    expect(DEFAULT_RATE_LIMITS.registrationsPerHourPerIp).toBe(30);
    // The harness turns the per-address limits off: put the default back, and ten sign up from one address.
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { registrationsPerHourPerIp: 30 } })
      .expect(200);
    const workshop = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .post('/api/auth/register')
          .send({ username: `workshop${i}`, email: `workshop${i}@example.org`, password: 'long enough pass' }),
      ),
    );
    expect(workshop.map((r) => r.status)).toEqual(Array<number>(10).fill(202));
    await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ rateLimits: { registrationsPerHourPerIp: 0 } })
      .expect(200);
  });

  it('keeps the name, description and default language, told to anyone; hostile values are 400s naming the field', async () => {
    const patched = await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({
        siteName: 'Drop-in Network',
        siteDescription: 'Peer support for people who use drugs.',
        defaultLocale: 'fr',
        setupDone: true,
      })
      .expect(200);
    expect(patched.body).toMatchObject({ siteName: 'Drop-in Network', defaultLocale: 'fr', setupDone: true, logoUrl: null });
    const site = await t.http().get('/api/site').expect(200);
    expect(site.body).toMatchObject({
      siteName: 'Drop-in Network',
      siteDescription: 'Peer support for people who use drugs.',
      defaultLocale: 'fr',
      logoUrl: null,
    });
    expect(site.body).not.toHaveProperty('setupDone');

    // Server-rendered pages: the site's name in the title, its description, and its language for a visitor whose
    // browser asks for neither English nor French (one who asks for English still gets English).
    const german = await t.http().get('/').set('Accept', 'text/html').set('Accept-Language', 'de-DE,de;q=0.9').expect(200);
    expect(german.text).toContain('<html lang="fr"');
    expect(german.text).toContain('<title>Bienvenue sur Drop-in Network · Drop-in Network</title>');
    expect(german.text).toContain('<meta name="description" content="Peer support for people who use drugs." />');
    expect(german.text).not.toMatch(/<title>[^<]*Harbour/);
    const english = await t.http().get('/').set('Accept', 'text/html').set('Accept-Language', 'en-CA').expect(200);
    expect(english.text).toContain('<html lang="en"');
    // A new account that names no language gets the site's.
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'no_locale', email: 'no_locale@example.org', password: 'long enough pass' })
      .expect(202);
    const [row] = await sql<{ locale: string }>(t.databaseUrl, `SELECT locale FROM users WHERE username_key = 'no_locale'`);
    expect(row?.locale).toBe('fr');

    const bad = await t
      .http()
      .patch('/api/admin/settings')
      .set(admin.auth)
      .send({ defaultLocale: 'de', siteDescription: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/defaultLocale/);
    expect(String(bad.body.message)).toMatch(/siteDescription/);
    for (const [patch, field] of [
      [{ siteDescription: 'About\u202e' }, 'siteDescription'],
      [{ logoUrl: '/elsewhere.png' }, 'logoUrl'],
      [{ setupDone: 'yes' }, 'setupDone'],
    ] as const) {
      const refused = await t.http().patch('/api/admin/settings').set(admin.auth).send(patch).expect(400);
      expect(JSON.stringify(refused.body.message)).toContain(field);
    }
  });

  it('names the site in its emails (subject, sender), not "Harbour"', async () => {
    await t
      .http()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ username: 'named_site', email: 'named@example.org', locale: 'en' })
      .expect(201);
    const mail = await t.smtp!.waitFor('named@example.org');
    expect(mail.subject).toBe('Your account on Drop-in Network');
    expect(mail.rawHeaders.get('from')).toMatch(/^"?Drop-in Network"? <no-reply@/);
    expect(mail.text).not.toContain('Harbour');
  });

  it('stores a logo re-encoded from its bytes, serves it safely, and refuses an SVG whatever its name', async () => {
    const png = await sharp({ create: { width: 1200, height: 300, channels: 4, background: '#1d4e89' } })
      .png()
      .toBuffer();
    const put = await t
      .http()
      .put('/api/admin/settings/logo')
      .set(admin.auth)
      .attach('file', png, { filename: 'logo.png', contentType: 'image/png' });
    expect(put.status).toBe(200);
    const logoUrl = put.body.logoUrl as string;
    expect(logoUrl).toMatch(/^\/api\/site\/logo\?v=\d+$/);
    expect((await t.http().get('/api/site').expect(200)).body.logoUrl).toBe(logoUrl);

    const image = await t.http().get(logoUrl).buffer(true).expect(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    expect(image.headers['cache-control']).toContain('immutable');
    const stored = await sharp(image.body as Buffer).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['webp', 512, 128]);

    const svg = await t
      .http()
      .put('/api/admin/settings/logo')
      .set(admin.auth)
      .attach('file', SVG, { filename: 'logo.png', contentType: 'image/png' });
    expect(svg.status).toBe(415);
    const member = await newMember(t);
    await t
      .http()
      .put('/api/admin/settings/logo')
      .set(member.auth)
      .attach('file', png, { filename: 'logo.png', contentType: 'image/png' })
      .expect(403);

    const removed = await t.http().delete('/api/admin/settings/logo').set(admin.auth).expect(200);
    expect(removed.body.logoUrl).toBeNull();
    await t.http().get(logoUrl).expect(404);
    const again = await t
      .http()
      .put('/api/admin/settings/logo')
      .set(admin.auth)
      .attach('file', png, { filename: 'l.png', contentType: 'image/png' });
    // A logo put back never reuses a URL a browser may have kept.
    expect(again.body.logoUrl).not.toBe(logoUrl);
  });

  it('lets an admin make an account: its owner chooses the password from the mailed link, and it is logged', async () => {
    const made = await t
      .http()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ username: 'ByPhone', email: 'ByPhone@Example.org' })
      .expect(201);
    expect(made.body).toMatchObject({ username: 'ByPhone', role: 'member', email: 'byphone@example.org' });
    // Nobody knows a password yet.
    await t.http().post('/api/auth/login').send({ login: 'ByPhone', password: 'anything at all' }).expect(401);
    const mail = await t.smtp!.waitFor('byphone@example.org');
    // The site's default language (set to French above) when the admin names none.
    expect(mail.subject).toBe('Votre compte sur Drop-in Network');
    await t
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: resetToken(mail.text), password: 'my own secret' })
      .expect(204);
    await t.http().post('/api/auth/login').send({ login: 'byphone', password: 'my own secret' }).expect(200);
    const log = await sql<{ action: string }>(t.databaseUrl, `SELECT action FROM moderation_log WHERE target_id = $1`, [made.body.id]);
    expect(log.map((row) => row.action)).toEqual(['user.create']);

    const taken = await t.http().post('/api/admin/users').set(admin.auth).send({ username: 'byphone', email: 'other@example.org' });
    expect([taken.status, taken.body.message]).toEqual([409, 'username is already taken']);
    const bad = await t.http().post('/api/admin/users').set(admin.auth).send({ username: 'a', email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/username/);
    expect(String(bad.body.message)).toMatch(/email/);
  });

  it('opens an event link to N accounts until it expires, even on an invitation-only site', async () => {
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'invite', emailVerification: 'off' }).expect(200);
    const mailedMany = await t.http().post('/api/admin/invitations').set(admin.auth).send({ email: 'one@example.org', uses: 5 });
    expect([mailedMany.status, mailedMany.body.message]).toEqual([400, 'uses must be 1 when the link is mailed to one address']);
    const event = await t.http().post('/api/admin/invitations').set(admin.auth).send({ uses: 3, validDays: 1 }).expect(201);
    const register = (i: number) =>
      t
        .http()
        .post('/api/auth/register')
        .send({ username: `event${i}`, email: `event${i}@example.org`, password: 'long enough pass', invitation: event.body.token });
    const first = await Promise.all([register(1), register(2), register(3), register(4)]);
    expect(first.map((r) => r.status).sort()).toEqual([201, 201, 201, 400]);
    expect(first.find((r) => r.status === 400)?.body.message).toBe('invitation is invalid, used or expired');

    const list = await t.http().get('/api/admin/invitations').set(admin.auth).expect(200);
    const listed = (list.body.items as { id: string; uses: number; usedCount: number; usedAt: string | null }[]).find(
      (i) => i.id === event.body.id,
    );
    expect(listed).toMatchObject({ uses: 3, usedCount: 3 });
    expect(listed?.usedAt).not.toBeNull();

    const expiring = await t.http().post('/api/admin/invitations').set(admin.auth).send({ uses: 10 }).expect(201);
    await sql(t.databaseUrl, `UPDATE site_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expiring.body.id]);
    await t
      .http()
      .post('/api/auth/register')
      .send({ username: 'late_one', email: 'late@example.org', password: 'long enough pass', invitation: expiring.body.token })
      .expect(400);
    const tooMany = await t.http().post('/api/admin/invitations').set(admin.auth).send({ uses: 1001, validDays: 91 });
    expect(tooMany.status).toBe(400);
    expect(String(tooMany.body.message)).toMatch(/uses/);
    expect(String(tooMany.body.message)).toMatch(/validDays/);
  });

  it("counts a mailing's recipients before it is sent", async () => {
    await sql(
      t.databaseUrl,
      `INSERT INTO subscribers (email, locale, status, consent_source, consent_at, consent_method)
       SELECT 'list' || i || '@example.org', 'en', 'subscribed', 'test', now(), 'express' FROM generate_series(1, 4) i`,
    );
    await sql(t.databaseUrl, `UPDATE subscribers SET status = 'unsubscribed' WHERE email = 'list4@example.org'`);
    const mailing = await t
      .http()
      .post('/api/mailings')
      .set(admin.auth)
      .send({ subject: 'Hello', body: 'News', audience: 'subscribers' })
      .expect(201);
    const count = await t.http().get(`/api/mailings/${mailing.body.id}/recipient-count`).set(admin.auth).expect(200);
    expect(count.body).toEqual({ count: 3 });
  });
});
