import type { MailingDto, SubscriberDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { importSubscribers, newMailing, postCsv, setMailingSender, tokenFrom, waitForMailing } from '../support/mailings';

describe('mailings', () => {
  let t: TestApp;
  let admin: TestMember;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAILING_RATE: '0', MAILING_RETRY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  async function subscriber(email: string): Promise<SubscriberDto | undefined> {
    const response = await t
      .http()
      .get(`/api/mailing/subscribers?q=${encodeURIComponent(email)}`)
      .set(admin.auth)
      .expect(200);
    return (response.body.items as SubscriberDto[]).find((s) => s.email === email);
  }

  it('subscribes a new address only once its owner follows the confirmation link (double opt-in)', async () => {
    await t.http().post('/api/mailing/subscribe').send({ email: '  New.Reader@Example.ORG ', locale: 'fr' }).expect(202);
    const confirmation = await t.smtp!.waitFor('new.reader@example.org');
    expect(confirmation.subject).toContain('Confirmez');
    expect((await subscriber('new.reader@example.org'))?.status).toBe('pending');

    // Asking again soon sends no second email, and the answer is the same.
    await t.http().post('/api/mailing/subscribe').send({ email: 'new.reader@example.org' }).expect(202);
    await queuesIdle(t, ['mail.send']);
    expect(t.smtp!.countFor('new.reader@example.org')).toBe(1);

    const token = tokenFrom(confirmation.text, '/mailing/confirm');
    const confirmed = await t
      .http()
      .get(`/api/mailing/confirm?token=${encodeURIComponent(token)}`)
      .expect(200);
    expect(confirmed.body).toEqual({ email: 'new.reader@example.org', status: 'subscribed' });
    expect(await subscriber('new.reader@example.org')).toMatchObject({
      status: 'subscribed',
      locale: 'fr',
      consentMethod: 'express',
      consentSource: 'subscribe form (double opt-in)',
    });
    // The link works once.
    await t
      .http()
      .get(`/api/mailing/confirm?token=${encodeURIComponent(token)}`)
      .expect(404);

    // A subscribed address asking again gets nothing: the form never tells who is on the list.
    await t.http().post('/api/mailing/subscribe').send({ email: 'new.reader@example.org' }).expect(202);
    await queuesIdle(t, ['mail.send']);
    expect(t.smtp!.countFor('new.reader@example.org')).toBe(1);
  });

  it('refuses bad subscriptions with the field named, storing nothing', async () => {
    const before = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM subscribers');
    for (const [body, field] of [
      [{ email: 'not an address' }, 'email'],
      [{ email: 'josé@example.org' }, 'email'],
      [{ email: 'a@example.org', locale: 'de' }, 'locale'],
      [{ email: 'a@example.org', admin: true }, 'admin'],
      [{}, 'email'],
    ] as const) {
      const response = await t.http().post('/api/mailing/subscribe').send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    await t.http().post('/api/mailing/subscribe').set('Content-Type', 'application/json').send('{"email":').expect(400);
    await t.http().get('/api/mailing/confirm?token=forged').expect(404);
    await t.http().get('/api/mailing/confirm').expect(400);
    expect(await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM subscribers')).toEqual(before);
  });

  it('imports a CSV: reports bad lines by number, folds duplicates, never re-subscribes an address that left', async () => {
    await sql(t.databaseUrl, `INSERT INTO subscribers (email, status) VALUES ('left@example.org', 'unsubscribed')`);
    const csv = [
      'email,locale,consent_source,consent_at,consent_method',
      'ana@example.org,fr,AGM 2025 sign-up sheet,2025-06-01,express',
      'BEN@example.org,en,Existing client,2025-06-01,implied',
      'ben@EXAMPLE.org,en,Existing client,2025-06-01,implied',
      'left@example.org,en,Old list,2024-01-01,express',
      'broken-address,en,Old list,2024-01-01,express',
      'cara@example.org,xx,Old list,2024-01-01,express',
      '=cmd@example.org,en,"=HYPERLINK(""http://evil"")",2024-01-01,express',
    ].join('\r\n');
    const report = await postCsv(t, admin, csv).expect(200);
    expect(report.body).toEqual({
      imported: 3,
      updated: 0,
      skipped: 4,
      errors: [
        { line: 6, message: expect.stringContaining('email') },
        { line: 7, message: expect.stringContaining('locale') },
      ],
    });
    expect(await subscriber('ben@example.org')).toMatchObject({
      status: 'subscribed',
      consentMethod: 'implied',
      consentExpiresAt: '2027-06-01T00:00:00.000Z',
    });
    expect((await subscriber('left@example.org'))?.status).toBe('unsubscribed');

    // The same file again changes nothing; a changed locale is an update.
    const again = await postCsv(t, admin, csv).expect(200);
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: 7 });
    const changed = await postCsv(
      t,
      admin,
      'email,locale,consent_source,consent_at\nana@example.org,en,AGM 2025 sign-up sheet,2025-06-01',
    ).expect(200);
    expect(changed.body).toMatchObject({ imported: 0, updated: 1, skipped: 0 });

    // The export carries the consent records, with formulas defused for spreadsheets.
    const exported = await t.http().get('/api/mailing/subscribers/export').set(admin.auth).expect(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.text).toContain('ana@example.org,en,subscribed,AGM 2025 sign-up sheet,2025-06-01T00:00:00Z,express,,no');
    expect(exported.text).toContain(`'=cmd@example.org`);
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const counts = await t.http().get('/api/mailing/subscribers/counts').set(admin.auth).expect(200);
    expect(counts.body).toMatchObject({ unsubscribed: 1, bounced: 0, complained: 0 });
    expect(counts.body.subscribed).toBeGreaterThanOrEqual(4);

    // Filters: status and part of the address.
    const unsubscribed = await t.http().get('/api/mailing/subscribers?status=unsubscribed').set(admin.auth).expect(200);
    expect((unsubscribed.body.items as SubscriberDto[]).map((s) => s.email)).toEqual(['left@example.org']);
    await t.http().get('/api/mailing/subscribers?status=gone').set(admin.auth).expect(400);
  });

  it('refuses an import that is not CSV, too big, or has a bad header, storing nothing', async () => {
    const before = await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM subscribers');
    const json = await t.http().post('/api/mailing/subscribers/import').set(admin.auth).send({ email: 'x@example.org' }).expect(400);
    expect(json.body.message).toContain('text/csv');
    await postCsv(t, admin, 'x'.repeat(21 * 1024 * 1024)).expect(413);
    const header = await postCsv(t, admin, 'email,name\nx@example.org,X').expect(200);
    expect(header.body).toMatchObject({ imported: 0, errors: [{ line: 1, message: expect.stringContaining('unknown column "name"') }] });
    expect(await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM subscribers')).toEqual(before);
  });

  it('sends a mailing once to each subscriber, in their language, with the CASL footer and one-click unsubscribe', async () => {
    await importSubscribers(t, admin, [{ email: 'en.one@example.org' }, { email: 'fr.one@example.org', locale: 'fr' }]);
    const mailing = await newMailing(t, admin, {
      subject: 'Naloxone training dates',
      body: 'New **dates** are up: see [the calendar](/t/1).\n\n<script>alert(1)</script> [click](javascript:alert(1))',
      subjectFr: 'Dates de formation naloxone',
      bodyFr: 'Les **dates** sont en ligne.',
    });
    expect(mailing).toMatchObject({ status: 'draft', total: 0, sent: 0, audience: 'subscribers' });

    // No mailing leaves without the sender's mailing address (CASL).
    const refused = await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(422);
    expect(refused.body.message).toContain('mailing address');
    await setMailingSender(t, admin);

    const preview = await t.http().get(`/api/mailings/${mailing.id}/preview?locale=fr`).set(admin.auth).expect(200);
    expect(preview.body.subject).toBe('Dates de formation naloxone');
    expect(preview.body.html).toContain('<strong>dates</strong>');
    expect(preview.body.text).toContain('123 Rue Example');
    const english = await t.http().get(`/api/mailings/${mailing.id}/preview`).set(admin.auth).expect(200);
    expect(english.body.html).not.toContain('<script');
    expect(english.body.html).not.toMatch(/href="javascript/i);

    await t.http().post(`/api/mailings/${mailing.id}/test`).set(admin.auth).send({ email: 'editor@example.org' }).expect(202);
    expect((await t.smtp!.waitFor('editor@example.org')).subject).toBe('[Test] Naloxone training dates');
    await t.http().post(`/api/mailings/${mailing.id}/test`).set(admin.auth).send({ email: 'nope' }).expect(400);

    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(202);
    const sent = await waitForMailing(t, admin, mailing.id, (m) => m.status === 'sent');
    const audience = await sql<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM subscribers WHERE status = 'subscribed' AND (consent_method = 'express' OR consent_expires_at > now())`,
    );
    expect(sent).toMatchObject({ total: audience[0]!.n, sent: audience[0]!.n, queued: 0, failed: 0, bounced: 0 });
    expect(t.smtp!.countFor('en.one@example.org')).toBe(1);
    expect(t.smtp!.countFor('left@example.org')).toBe(0);

    const fr = await t.smtp!.waitFor('fr.one@example.org');
    expect(fr.subject).toBe('Dates de formation naloxone');
    expect(fr.text).toContain('Les **dates** sont en ligne.');
    expect(fr.text).toContain('Harm Reduction Network, 123 Rue Example, Montréal QC H2X 1Y4');
    expect(fr.text).toContain('Se désabonner');
    expect(fr.html).toContain('<strong>dates</strong>');
    const en = await t.smtp!.waitFor('en.one@example.org');
    // The site's own links work from a mail client.
    expect(en.html).toContain(`href="${t.config.publicUrl}/t/1"`);
    expect(en.text).toContain('Unsubscribe (one click, no account needed)');
    const listUnsubscribe = en.rawHeaders.get('list-unsubscribe') ?? '';
    expect(en.rawHeaders.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(en.rawHeaders.get('list-id')).toBe('Harm Reduction Network <mailings.localhost>');
    expect(en.rawHeaders.get('message-id')).toMatch(new RegExp(`^<mailing\\.${mailing.id}\\.\\d+@localhost>$`));
    expect(listUnsubscribe).toMatch(/^<http:\/\/localhost:\d+\/api\/mailing\/unsubscribe\?token=[A-Za-z0-9_-]+>$/);
    expect(listUnsubscribe).not.toContain('en.one');

    // RFC 8058: the mail client POSTs the form to the header's URL; no login, effective at once.
    const oneClick = new URL(listUnsubscribe.slice(1, -1));
    const answer = await t
      .http()
      .post(`${oneClick.pathname}${oneClick.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(answer.body).toEqual({ email: 'en.one@example.org', status: 'unsubscribed' });
    expect((await subscriber('en.one@example.org'))?.status).toBe('unsubscribed');
    expect((await t.http().get(`/api/mailings/${mailing.id}`).set(admin.auth).expect(200)).body.unsubscribed).toBe(1);

    // The footer's page link: GET tells the state and changes nothing; resubscribing takes the link's token.
    const pageToken = tokenFrom(en.text, '/mailing/unsubscribe');
    expect((await t.http().get(`/api/mailing/unsubscribe?token=${pageToken}`).expect(200)).body.status).toBe('unsubscribed');
    await t
      .http()
      .post('/api/mailing/resubscribe')
      .send({ token: pageToken })
      .expect(200, { email: 'en.one@example.org', status: 'subscribed' });
    await t
      .http()
      .post('/api/mailing/unsubscribe')
      .send({ token: `${pageToken.slice(0, -2)}xx` })
      .expect(400);

    // Sent: it cannot change or be sent again.
    await t.http().patch(`/api/mailings/${mailing.id}`).set(admin.auth).send({ subject: 'Changed' }).expect(409);
    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(409);
    await t.http().delete(`/api/mailings/${mailing.id}`).set(admin.auth).expect(409);

    // The public archive, in both languages, sanitized.
    const archive = await t.http().get('/api/mailings/archive').expect(200);
    expect(archive.body.items[0]).toMatchObject({
      id: mailing.id,
      subject: 'Naloxone training dates',
      subjectFr: 'Dates de formation naloxone',
    });
    const page = await t.http().get(`/api/mailings/archive/${mailing.id}`).expect(200);
    expect(page.body.htmlFr).toContain('<strong>dates</strong>');
    expect(page.body.html).not.toContain('<script');
  });

  it('bounces an address refused for good and suppresses it; retries one refused for now', async () => {
    await importSubscribers(t, admin, [{ email: 'gone@example.org' }, { email: 'busy@example.org' }]);
    t.smtp!.refuse('gone@example.org', 550);
    t.smtp!.refuse('busy@example.org', 451, 1);
    const first = await newMailing(t, admin, { subject: 'Bounce test' });
    await t.http().post(`/api/mailings/${first.id}/send`).set(admin.auth).send({}).expect(202);
    const done = await waitForMailing(t, admin, first.id, (m) => m.status === 'sent');
    expect(done.bounced).toBe(1);
    expect(done.sent).toBe(done.total - 1);
    expect(t.smtp!.countFor('busy@example.org')).toBe(1);
    expect(await subscriber('gone@example.org')).toMatchObject({ status: 'bounced' });

    const second = await newMailing(t, admin, { subject: 'After the bounce' });
    await t.http().post(`/api/mailings/${second.id}/send`).set(admin.auth).send({}).expect(202);
    const after = await waitForMailing(t, admin, second.id, (m) => m.status === 'sent');
    expect(after.total).toBe(done.total - 1);
    expect(after.bounced).toBe(0);
  });

  it('lists mailings with their counts for admins', async () => {
    const response = await t.http().get('/api/mailings?limit=100').set(admin.auth).expect(200);
    const items = response.body.items as MailingDto[];
    expect(items).toHaveLength(3); // the one in two languages, the bounced one and the one after it
    expect(items.every((m) => !('body' in m))).toBe(true);
    expect(items.find((m) => m.subject === 'Bounce test')).toMatchObject({ status: 'sent', bounced: 1 });
  });
});
