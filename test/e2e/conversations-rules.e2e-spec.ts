import type { ConversationDto, MessageDto, NotificationDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { inDays, queue } from '../support/moderation';
import { connectSocket } from '../support/sockets';

/**
 * Private conversations (api.md 1.1) under the rules of posts: watched words (a `review` word holds nothing,
 * since moderators must not read conversations), the rate limits, silenced and suspended members, the same
 * request sent eight times at once, and the notification emails (never the message's words; discreet: only
 * "New message"). Routes and access: conversations.e2e-spec.ts; across two processes: realtime-adapters.
 */
describe('private conversations: rules, races and emails', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let ana: TestMember;
  let ben: TestMember;

  beforeAll(async () => {
    // Notification emails wait two seconds unread (ten minutes on a site): long enough to leave before the job.
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '2' } });
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    [ana, ben] = [await newMember(t), await newMember(t)];
  });
  afterAll(() => t.close());

  const start = (from: TestMember, to: TestMember[], subject = 'Hello', body = 'First words') =>
    t
      .http()
      .post('/api/conversations')
      .set(from.auth)
      .send({ to: to.map((member) => member.user.username), subject, body });
  const started = async (from: TestMember, to: TestMember[], subject?: string, body?: string) =>
    (await start(from, to, subject, body).expect(201)).body as ConversationDto;
  const send = (from: TestMember, id: string, body: string) =>
    t.http().post(`/api/conversations/${id}/messages`).set(from.auth).send({ body });
  const conversationOf = async (who: TestMember, id: string) =>
    (await t.http().get(`/api/conversations/${id}`).set(who.auth).expect(200)).body as ConversationDto;
  const count = async (table: 'conversations' | 'messages') =>
    (await sql<{ n: number }>(t.databaseUrl, `SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const limits = async (rateLimits: { postsPerMinute?: number; topicsPerDay?: number }) => {
    await sql(t.databaseUrl, 'DELETE FROM rate_limit_counters');
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ rateLimits }).expect(200);
  };

  it('refuses a blocked word (422 naming it, nothing stored), censors in the html, and holds nothing for review', async () => {
    for (const [word, action] of [
      ['scamcoin', 'block'],
      ['crétin', 'censor'],
      ['free samples', 'review'],
    ]) {
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word, action }).expect(201);
    }
    const conversation = await started(ana, [ben]);
    const before = [await count('conversations'), await count('messages')];
    for (const refused of [
      await send(ana, conversation.id, 'Buy SCAM\u200Bcoin now'),
      await start(ana, [ben], 'Hello', 'Buy scamcoin'),
      await start(ana, [ben], 'Free scamcoin', 'hi'),
    ]) {
      expect([refused.status, refused.body.message]).toEqual([422, expect.stringContaining('"scamcoin"')]);
    }
    expect([await count('conversations'), await count('messages')]).toEqual(before);

    const censored = (await send(ana, conversation.id, 'You CRETIN').expect(201)).body as MessageDto;
    expect(censored.html).toBe('<p>You ■■■■■■</p>\n');
    const edit = await t
      .http()
      .patch(`/api/conversations/${conversation.id}/messages/${censored.id}`)
      .set(ana.auth)
      .send({ body: 'now scamcoin' });
    expect([edit.status, edit.body.message]).toEqual([422, expect.stringContaining('"scamcoin"')]);

    // A review word is delivered at once: holding it would show a private message to the moderators.
    const reviewed = (await send(ana, conversation.id, 'Free samples at the clinic').expect(201)).body as MessageDto;
    const read = (await t.http().get(`/api/conversations/${conversation.id}/messages`).set(ben.auth).expect(200)).body
      .items as MessageDto[];
    expect(read.map((message) => message.body)).toEqual(['First words', 'You CRETIN', 'Free samples at the clinic']);
    expect(read.at(-1)).toMatchObject({ id: reviewed.id, html: '<p>Free samples at the clinic</p>\n' });
    expect((await queue(t, moderator)).filter((item) => item.target.id === reviewed.id)).toEqual([]);
    expect((await queue(t, admin)).map((item) => item.target.type)).not.toContain('message');
  });

  it('counts messages per minute and new conversations per day (429), and exempts site staff', async () => {
    const writer = await newMember(t);
    const conversation = await started(writer, [ben]);
    try {
      await limits({ postsPerMinute: 3, topicsPerDay: 0 });
      await started(writer, [ana]); // a new conversation's first message counts as one of the three
      for (const n of [1, 2]) await send(writer, conversation.id, `message ${n}`).expect(201);
      const messages = await count('messages');
      await send(writer, conversation.id, 'one too many').expect(429);
      await start(writer, [ana]).expect(429);
      expect(await count('messages')).toBe(messages);

      await limits({ postsPerMinute: 0, topicsPerDay: 2 });
      for (const subject of ['one', 'two']) await started(writer, [ana], subject);
      const conversations = await count('conversations');
      await start(writer, [ana], 'three').expect(429);
      expect(await count('conversations')).toBe(conversations);
      await send(writer, conversation.id, 'replies are not new conversations').expect(201);

      await limits({ postsPerMinute: 1, topicsPerDay: 1 });
      for (const staff of [moderator, admin]) {
        for (const subject of ['a', 'b', 'c']) {
          const own = await started(staff, [ana], subject);
          await send(staff, own.id, 'and a reply').expect(201);
        }
      }
    } finally {
      await limits({ postsPerMinute: 0, topicsPerDay: 0 });
    }
  });

  it('lets a silenced member read but write (or type) nothing, and others read a suspended member whose sessions end', async () => {
    const [silenced, suspended, cleo] = [await newMember(t), await newMember(t), await newMember(t)];
    const quiet = await started(silenced, [ana], 'Before the silence', 'I wrote this first');
    const [first] = (await t.http().get(`/api/conversations/${quiet.id}/messages`).set(silenced.auth).expect(200)).body
      .items as MessageDto[];
    const sanction = (member: TestMember, type: 'silence' | 'suspend') =>
      t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type, reason: 'Cooling off', until: inDays(1) })
        .expect(201);
    await sanction(silenced, 'silence');
    const seen = await conversationOf(silenced, quiet.id);
    expect(seen.can).toEqual({ reply: false, invite: false, leave: true, edit: false, flag: false });
    await t.http().get(`/api/conversations/${quiet.id}/messages`).set(silenced.auth).expect(200);
    await t.http().get('/api/conversations').set(silenced.auth).expect(200);
    const writes = [
      start(silenced, [ben]),
      send(silenced, quiet.id, 'still here'),
      t.http().patch(`/api/conversations/${quiet.id}/messages/${first!.id}`).set(silenced.auth).send({ body: 'edited' }),
      t.http().post(`/api/conversations/${quiet.id}/participants`).set(silenced.auth).send({ username: cleo.user.username }),
    ];
    expect((await Promise.all(writes)).map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect((await conversationOf(ana, quiet.id)).participants).toHaveLength(2);
    const tab = await connectSocket(t.baseUrl, { token: silenced.token });
    try {
      expect(await tab.emitWithAck('conversation:typing', { conversationId: quiet.id })).toEqual({ ok: false, error: 'forbidden' });
    } finally {
      tab.close();
    }

    const kept = await started(suspended, [ana], 'Before the suspension', 'Read me later');
    await sanction(suspended, 'suspend');
    await t.http().get('/api/me').set(suspended.auth).expect(401);
    await t.http().get(`/api/conversations/${kept.id}`).set(suspended.auth).expect(401);
    const read = (await t.http().get(`/api/conversations/${kept.id}/messages`).set(ana.auth).expect(200)).body.items as MessageDto[];
    expect(read).toEqual([expect.objectContaining({ body: 'Read me later', author: expect.objectContaining({ id: suspended.user.id }) })]);
  });

  it('numbers eight messages sent at once consecutively, with exact counts', async () => {
    const cleo = await newMember(t);
    const conversation = await started(ana, [ben, cleo]);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(ana, conversation.id, `at once ${i}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const numbers = await sql<{ number: number }>(t.databaseUrl, 'SELECT number FROM messages WHERE conversation_id = $1 ORDER BY number', [
      conversation.id,
    ]);
    expect(numbers.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await conversationOf(ana, conversation.id)).toMatchObject({ messageCount: 9, unreadCount: 0 });
    expect(await conversationOf(ben, conversation.id)).toMatchObject({ messageCount: 9, unreadCount: 9 });
    expect((await conversationOf(cleo, conversation.id)).unreadCount).toBe(9);
    expect((await t.http().get('/api/conversations/unread-count').set(cleo.auth).expect(200)).body).toEqual({ count: 1 });
  });

  it('lets exactly one of eight members added at once fill the twentieth place', async () => {
    const crowd = await Promise.all(Array.from({ length: 18 + 8 }, () => newMember(t)));
    const conversation = await started(ana, crowd.slice(0, 18));
    expect(conversation.participants).toHaveLength(19);
    const answers = await Promise.all(
      crowd
        .slice(18)
        .map((member) =>
          t.http().post(`/api/conversations/${conversation.id}/participants`).set(ana.auth).send({ username: member.user.username }),
        ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 422, 422, 422, 422, 422, 422, 422]);
    const named = await sql<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM conversation_participants WHERE conversation_id = $1 AND kind = 'participant'`,
      [conversation.id],
    );
    expect(named).toEqual([{ n: 20 }]);
    expect((await conversationOf(ana, conversation.id)).participants).toHaveLength(20);
  });

  it('emails who wrote and about what, never the words; a discreet email says only "New message"; none to who left', async () => {
    const [writer, reader, discreet, leaver] = [await newMember(t), await newMember(t), await newMember(t), await newMember(t)];
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: 'Riverbend Commons' }).expect(200);
    await t.http().patch('/api/notifications/preferences').set(discreet.auth).send({ discreetEmails: true }).expect(200);
    const conversation = await started(writer, [reader, discreet, leaver], 'Kits at the depot', 'The zebraword batch is cut');
    // The leaver has been told (the notification exists), then leaves before the email job is due.
    let told: NotificationDto | undefined;
    for (const deadline = Date.now() + 1500; !told && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const items = (await t.http().get('/api/notifications').set(leaver.auth).expect(200)).body.items as NotificationDto[];
      told = items.find((item) => item.conversationId === conversation.id);
    }
    expect(told?.type).toBe('message');
    await t.http().delete(`/api/conversations/${conversation.id}/participants/me`).set(leaver.auth).expect(204);

    const mail = await t.smtp!.waitFor(reader.user.email, 8000);
    expect(mail.subject).toContain(writer.user.displayName);
    expect(mail.subject).toContain('Kits at the depot');
    expect(mail.text).toContain(`/messages/${conversation.id}`);
    expect(mail.html).toContain(`/messages/${conversation.id}`);
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain('zebraword');

    const quiet = await t.smtp!.waitFor(discreet.user.email, 8000);
    expect(quiet.subject).toBe('New message');
    for (const said of [quiet.subject, quiet.text, quiet.html]) {
      for (const secret of [writer.user.displayName, writer.user.username, 'Kits at the depot', 'zebraword', 'Riverbend']) {
        expect(said).not.toContain(secret);
      }
    }
    // The leaver's email job ran to its end (as the others' did) and sent nothing: not even queued a mail.
    const jobDone = async () =>
      (
        await sql<{ state: string }>(
          t.databaseUrl,
          `SELECT state FROM pgboss.job WHERE name = 'notifications.email' AND data ->> 'notificationId' = $1
           UNION ALL SELECT state FROM pgboss.archive WHERE name = 'notifications.email' AND data ->> 'notificationId' = $1`,
          [told!.id],
        )
      ).some((job) => job.state === 'completed');
    for (const deadline = Date.now() + 3000; !(await jobDone()) && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobDone()).toBe(true);
    const emailed = await sql(t.databaseUrl, 'SELECT 1 FROM notifications WHERE id = $1 AND emailed_at IS NOT NULL', [told!.id]);
    expect(emailed).toEqual([]);
    expect(t.smtp!.countFor(leaver.user.email)).toBe(0);
  });
});
