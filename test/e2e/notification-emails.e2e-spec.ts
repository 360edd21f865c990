import type { Socket } from 'socket.io-client';
import type { NotificationDto } from '@harbour/contracts';
import { NotificationDigest } from '@harbour/notifications';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

/** Notifications are stored by listeners after the write commits: wait until they are there. */
async function notificationsOf(t: TestApp, member: TestMember, expected: number, query = ''): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const response = await t.http().get(`/api/notifications${query}`).set(member.auth).expect(200);
    const items = response.body.items as NotificationDto[];
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('notifications: emails, choices and digests', () => {
  let t: TestApp;
  let admin: TestMember;
  let category: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  it('emails a notification still unread after the delay, with a one-click unsubscribe that works', async () => {
    const author = await newMember(t);
    const replier = await newMember(t);
    const topic = await newTopic(t, author, category);
    const reply = await newReply(t, replier, topic.id, 'A reply worth an email');
    const mail = await t.smtp!.waitFor(author.user.email);
    expect(mail.subject).toContain(`${replier.user.displayName} replied to you`);
    expect(mail.text).toContain('A reply worth an email');
    // The link lands on the post itself (its number in the topic), not the topic's top.
    expect(mail.text).toContain(`/t/${topic.slug}/${topic.id}/${reply.number}`);
    // mailparser reads List-Unsubscribe and List-Unsubscribe-Post into one `list` header.
    const list = mail.headers.get('list') as { unsubscribe?: { url?: string }; 'unsubscribe-post'?: { name?: string } };
    const oneClick = list.unsubscribe?.url;
    expect(oneClick).toContain('/api/notifications/unsubscribe?token=');
    expect(list['unsubscribe-post']?.name).toBe('List-Unsubscribe=One-Click');

    // What a mail provider does for RFC 8058: a form POST to the link, no cookie, no session.
    const url = new URL(oneClick!);
    await t.http().post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const preferences = await t.http().get('/api/notifications/preferences').set(author.auth).expect(200);
    expect(preferences.body.deliveries.reply).toBe('in_app');
    expect(preferences.body.deliveries.mention).toBe('both');
    await t.http().post('/api/notifications/unsubscribe').send({ token: 'forged.token' }).expect(400);
  });

  it('sends nothing for a notification read within the delay, and says nothing in a discreet email', async () => {
    const reader = await newMember(t);
    const discreet = await newMember(t);
    const replier = await newMember(t);
    const quick = await newTopic(t, reader, category);
    await newReply(t, replier, quick.id, 'read me fast');
    await notificationsOf(t, reader, 1);
    await t.http().post('/api/notifications/read').set(reader.auth).send({ all: true }).expect(204);

    await t.http().patch('/api/notifications/preferences').set(discreet.auth).send({ discreetEmails: true }).expect(200);
    const topic = await newTopic(t, discreet, category, 'about naloxone kits');
    await newReply(t, replier, topic.id, 'the naloxone kits are at the clinic');
    const mail = await t.smtp!.waitFor(discreet.user.email);
    expect(mail.subject).toBe('You have new activity');
    expect(mail.text).not.toContain('naloxone');
    expect(mail.text).not.toContain(replier.user.username);
    await queuesIdle(t, ['notifications.email', 'mail.send']); // the reader's email job has run, and found the notification read
    expect(t.smtp!.messages.filter((m) => m.to.includes(reader.user.email))).toEqual([]);
  });

  it('keeps each member’s choices: none stores nothing, email-only is mailed but not listed', async () => {
    const member = await newMember(t);
    const replier = await newMember(t);
    await t
      .http()
      .patch('/api/notifications/preferences')
      .set(member.auth)
      .send({ deliveries: { reply: 'none', mention: 'email' }, digest: 'weekly' })
      .expect(200)
      .expect((response) =>
        expect(response.body).toMatchObject({ deliveries: { reply: 'none', mention: 'email', quote: 'both' }, digest: 'weekly' }),
      );
    const topic = await newTopic(t, member, category);
    await newReply(t, replier, topic.id, `hi @${member.user.username}`);
    await newReply(t, replier, topic.id, 'a plain reply');
    const mail = await t.smtp!.waitFor(member.user.email);
    expect(mail.subject).toContain('mentioned you');
    expect(await notificationsOf(t, member, 0)).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const member = await newMember(t);
    const bad: [string, object][] = [
      ['/api/notifications/read', {}],
      ['/api/notifications/read', { ids: ['x'] }],
      ['/api/notifications/read', { ids: [], all: true }],
      ['/api/notifications/read', { all: false }],
      ['/api/notifications/read', { all: true, extra: 1 }],
    ];
    for (const [url, body] of bad) await t.http().post(url).set(member.auth).send(body).expect(400);
    for (const body of [
      { deliveries: { sms: 'both' } },
      { deliveries: { reply: 'loud' } },
      { digest: 'hourly' },
      { discreetEmails: 'yes' },
      { nope: 1 },
    ]) {
      const response = await t.http().patch('/api/notifications/preferences').set(member.auth).send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toMatch(/deliveries|digest|discreetEmails|nope|sms/);
    }
    await t.http().get('/api/notifications?unread=maybe').set(member.auth).expect(400);
    await t.http().get('/api/notifications?cursor=%00%01').set(member.auth).expect(400);
    await t.http().post('/api/notifications/read').set(member.auth).set('Content-Type', 'application/json').send('{"ids": [').expect(400);
    expect(await sql(t.databaseUrl, 'SELECT * FROM notification_settings WHERE user_id = $1', [member.user.id])).toEqual([]);
  });

  it('sends a daily summary of unread notifications once, with its own unsubscribe', async () => {
    const member = await newMember(t);
    const replier = await newMember(t);
    await t
      .http()
      .patch('/api/notifications/preferences')
      .set(member.auth)
      .send({ digest: 'daily', deliveries: { reply: 'in_app' } })
      .expect(200);
    const topic = await newTopic(t, member, category);
    await newReply(t, replier, topic.id, 'for the summary');
    await notificationsOf(t, member, 1);
    const digest = t.app.get(NotificationDigest);
    expect(await digest.sendDue()).toBeGreaterThanOrEqual(1);
    const mail = await t.smtp!.waitFor(member.user.email);
    expect(mail.subject).toContain('daily summary');
    expect(mail.text).toContain(topic.title);
    expect(mail.text).toContain('/unsubscribe?token=');
    const again = await digest.sendDue();
    const mine = await sql<{ last_digest_at: Date }>(t.databaseUrl, 'SELECT last_digest_at FROM notification_settings WHERE user_id = $1', [
      member.user.id,
    ]);
    expect(mine[0]!.last_digest_at).not.toBeNull();
    expect(again).toBe(0);
  });
});
