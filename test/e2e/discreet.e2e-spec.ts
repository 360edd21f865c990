import { NotificationDigest } from '@harbour/notifications';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply } from '../support/forum';
import { PushSink, subscribe } from '../support/push';
import type { ReceivedMail } from '../support/smtp-sink';

/**
 * Discreet mode (api.md 1.1, issue 20): the member's two settings and the site's quick-exit address, with what
 * hostile input gets; then what a discreet member's notification email, digest and push say — no site name, no
 * names, titles or words, a neutral sender name on the same address — next to a member who is not discreet.
 */
const SITE = 'Riverside Harm Reduction';
const TITLE = 'Zebrafentanyl batch near the depot';
const WORDS = 'the quokkapill batch is cut with something strong';

/** Everything a mail shows: subject, sender, both bodies. */
const shown = (mail: ReceivedMail): string => [mail.subject, mail.rawHeaders.get('from') ?? '', mail.text, mail.html].join('\n');

describe('discreet mode', () => {
  let t: TestApp;
  let admin: TestMember;
  let category: string;
  const sink = new PushSink();

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: SITE }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  describe('the member’s settings', () => {
    it('starts off, and keeps what the member sets, field by field', async () => {
      const member = await newMember(t);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toMatchObject({
        discreet: false,
        signOutOnQuickExit: false,
      });
      const both = await t.http().patch('/api/me').set(member.auth).send({ discreet: true, signOutOnQuickExit: true }).expect(200);
      expect(both.body).toMatchObject({ discreet: true, signOutOnQuickExit: true });
      await t.http().patch('/api/me').set(member.auth).send({ signOutOnQuickExit: false }).expect(200);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toMatchObject({
        discreet: true,
        signOutOnQuickExit: false,
      });
    });

    it.each([
      [{ signOutOnQuickExit: 'yes' }, 'signOutOnQuickExit'],
      [{ signOutOnQuickExit: 1 }, 'signOutOnQuickExit'],
      [{ signOutOnQuickExit: null }, 'signOutOnQuickExit'],
      [{ discreet: null }, 'discreet'],
      [{ discreet: '\u0000' }, 'discreet'],
      [{ discreet: true, quickExitUrl: 'https://example.org/' }, 'quickExitUrl'],
    ])('refuses %j with a 400 naming %s, and stores nothing', async (body, field) => {
      const member = await newMember(t);
      const before = (await t.http().get('/api/me').set(member.auth).expect(200)).body;
      const response = await t.http().patch('/api/me').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      expect((await t.http().get('/api/me').set(member.auth).expect(200)).body).toEqual(before);
    });
  });

  describe('the quick-exit address', () => {
    it('defaults to a neutral page that every visitor is told, and admins change it', async () => {
      expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe('https://www.google.com/');
      const url = 'https://weather.gc.ca/?lang=en';
      const saved = await t.http().patch('/api/admin/settings').set(admin.auth).send({ quickExitUrl: url }).expect(200);
      expect(saved.body.quickExitUrl).toBe(url);
      expect((await t.http().get('/api/admin/settings').set(admin.auth).expect(200)).body.quickExitUrl).toBe(url);
      expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe(url);
      // The same request eight times at once: every one answers, and the address is the one sent.
      const local = 'http://127.0.0.1:8080/weather';
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => t.http().patch('/api/admin/settings').set(admin.auth).send({ quickExitUrl: local })),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
      expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe(local);
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ quickExitUrl: 'https://www.google.com/' }).expect(200);
    });

    it.each([
      'javascript:alert(1)',
      'JavaScript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://example.org/',
      '/relative/path',
      '//example.org/',
      'https://',
      'example.org',
      'https://user:secret@example.org/',
      'https://exa mple.org/',
      'https://example.org/\nSet-Cookie: x=1',
      `https://example.org/${'a'.repeat(500)}`,
      'https://example.org/\u0000',
      'https://example.org/\ud800',
      '',
      null,
      42,
      ['https://example.org/'],
    ])('refuses %j with a 400 naming quickExitUrl, and keeps the address', async (quickExitUrl) => {
      const response = await t.http().patch('/api/admin/settings').set(admin.auth).send({ quickExitUrl }).expect(400);
      expect(JSON.stringify(response.body.message)).toContain('quickExitUrl');
      expect((await t.http().get('/api/site').expect(200)).body.quickExitUrl).toBe('https://www.google.com/');
    });

    it('is the admins’ to change', async () => {
      const member = await newMember(t);
      await t.http().patch('/api/admin/settings').set(member.auth).send({ quickExitUrl: 'https://example.org/' }).expect(403);
      await t.http().patch('/api/admin/settings').send({ quickExitUrl: 'https://example.org/' }).expect(401);
      const stored = await sql<{ quick_exit_url: string }>(t.databaseUrl, 'SELECT quick_exit_url FROM site_settings');
      expect(stored).toEqual([{ quick_exit_url: 'https://www.google.com/' }]);
    });
  });

  describe('what mail and push say', () => {
    /** A topic by `author` under the title no discreet mail may show. */
    async function titled(author: TestMember): Promise<{ id: string }> {
      const response = await t
        .http()
        .post('/api/topics')
        .set(author.auth)
        .send({ categoryId: category, title: TITLE, body: 'Seen there.' })
        .expect(201);
      return response.body as { id: string };
    }

    /** A member who is told about a reply by `replier` in their topic: by email at once, and by push with details on. */
    async function toldOfReply(discreet: boolean, device: string): Promise<{ member: TestMember; replier: TestMember }> {
      const member = await newMember(t);
      const replier = await newMember(t, { username: `quokka_${device}` });
      if (discreet) await t.http().patch('/api/me').set(member.auth).send({ discreet: true }).expect(200);
      // Details on: discreet mode must win over them.
      await t.http().patch('/api/notifications/preferences').set(member.auth).send({ pushDetails: true }).expect(200);
      await subscribe(t, member, sink.device(device));
      const topic = await titled(member);
      await newReply(t, replier, topic.id, WORDS);
      return { member, replier };
    }

    it('a discreet member’s email and push carry no site name, name, title or word; another member’s still do', async () => {
      const discreet = await toldOfReply(true, 'discreet-phone');
      const open = await toldOfReply(false, 'open-phone');

      const quiet = await t.smtp!.waitFor(discreet.member.user.email);
      expect(quiet.subject).toBe('You have new activity');
      expect(quiet.text).toContain('/notifications');
      for (const secret of [
        SITE,
        'Riverside',
        TITLE,
        'Zebrafentanyl',
        'quokkapill',
        discreet.replier.user.username,
        discreet.replier.user.displayName,
      ]) {
        expect({ secret, leaked: shown(quiet).includes(secret) }).toEqual({ secret, leaked: false });
      }
      // A neutral sender name, on the site's own address.
      const told = await t.smtp!.waitFor(open.member.user.email);
      const address = (from: string | undefined) => /<([^>]+)>/.exec(from ?? '')?.[1];
      expect(quiet.rawHeaders.get('from')).toMatch(/^"?Notifications"? </);
      expect(address(quiet.rawHeaders.get('from'))).toBe(address(told.rawHeaders.get('from')));
      expect(told.rawHeaders.get('from')).toContain(SITE);
      expect(told.subject).toContain(TITLE);
      expect(told.subject).toContain(open.replier.user.displayName);
      expect(told.text).toContain('quokkapill');

      const [push] = await sink.waitFor('discreet-phone', 1);
      expect(push).toEqual({ title: 'New activity', body: '', url: '/notifications', tag: 'activity' });
      const [detailed] = await sink.waitFor('open-phone', 1);
      expect(detailed?.title).toContain(TITLE);
      expect(detailed?.body).toContain('quokkapill');
    });

    it('a discreet member’s digest says nothing but that there is something new, in their language', async () => {
      const digestOf = async (discreet: boolean): Promise<TestMember> => {
        const member = await newMember(t);
        const replier = await newMember(t);
        if (discreet) await t.http().patch('/api/me').set(member.auth).send({ discreet: true, locale: 'fr' }).expect(200);
        await t
          .http()
          .patch('/api/notifications/preferences')
          .set(member.auth)
          .send({ digest: 'daily', deliveries: { reply: 'in_app' } })
          .expect(200);
        const topic = await titled(member);
        await newReply(t, replier, topic.id, WORDS);
        for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
          const items = (await t.http().get('/api/notifications').set(member.auth).expect(200)).body.items as unknown[];
          if (items.length > 0) break;
        }
        return member;
      };
      const discreet = await digestOf(true);
      const open = await digestOf(false);
      expect(await t.app.get(NotificationDigest).sendDue()).toBeGreaterThanOrEqual(2);

      const quiet = await t.smtp!.waitFor(discreet.user.email);
      expect(quiet.subject).toBe('Vous avez du nouveau');
      expect(quiet.rawHeaders.get('from')).toMatch(/^"?Notifications"? </);
      for (const secret of [SITE, TITLE, 'quokkapill', 'résumé', 'summary']) {
        expect({ secret, leaked: shown(quiet).includes(secret) }).toEqual({ secret, leaked: false });
      }
      const summary = await t.smtp!.waitFor(open.user.email);
      expect(summary.subject).toContain('daily summary');
      expect(summary.text).toContain(TITLE);
    });
  });
});
