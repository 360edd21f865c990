import { queuesIdle, sql } from '../support/database';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';
import type { ReceivedMail } from '../support/smtp-sink';

/**
 * Seconds: a notification's email waits DELAY (long: the test makes it come due with comeDue(), so a slow
 * machine cannot split a burst), and one topic's emails to one member are at least INTERVAL apart (waited for real).
 */
const DELAY = 600;
const INTERVAL = 3;
const QUEUES = ['notifications.email', 'mail.send'];

describe('notification emails, batched per topic', () => {
  let t: TestApp;
  let category: string;
  let replier: TestMember;
  let admin: TestMember;
  beforeAll(async () => {
    t = await startTestApp({
      env: { NOTIFICATION_EMAIL_DELAY_SECONDS: String(DELAY), NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS: String(INTERVAL) },
    });
    admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
    replier = await newMember(t);
  });
  afterAll(() => t.close());

  const mailsTo = (member: TestMember): ReceivedMail[] =>
    t.smtp!.messages.filter((mail) => mail.to.includes(member.user.email.toLowerCase()));
  async function nthMail(member: TestMember, n: number): Promise<ReceivedMail> {
    const deadline = Date.now() + 20000;
    while (mailsTo(member).length < n) {
      if (Date.now() > deadline) throw new Error(`no mail number ${n} for ${member.user.username}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return mailsTo(member)[n - 1]!;
  }
  async function waitForUnread(member: TestMember, count: number): Promise<void> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const response = await t.http().get('/api/notifications/unread-count').set(member.auth).expect(200);
      if (response.body.count >= count) return;
      if (Date.now() > deadline) throw new Error(`${member.user.username} has ${response.body.count} unread notifications`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  /** The delay passes: every waiting notification email may run now (deferred ones made later keep their time). */
  const comeDue = () =>
    sql(t.databaseUrl, `UPDATE pgboss.job SET start_after = now() WHERE name = 'notifications.email' AND state = 'created'`);
  const emailedAt = async (member: TestMember, postIds: string[]): Promise<Date[]> =>
    (
      await sql<{ emailed_at: Date | null }>(
        t.databaseUrl,
        'SELECT emailed_at FROM notifications WHERE user_id = $1 AND post_id = ANY($2::uuid[]) ORDER BY emailed_at',
        [member.user.id, postIds],
      )
    ).map((row) => row.emailed_at!);

  it('sends one email for a burst of replies, defers the next burst to the interval, and drops nothing unread', async () => {
    const author = await newMember(t);
    const reader = await newMember(t);
    const discreet = await newMember(t);
    await t.http().patch('/api/notifications/preferences').set(discreet.auth).send({ discreetEmails: true }).expect(200);
    const topic = await newTopic(t, author, category);
    const readerTopic = await newTopic(t, reader, category);
    const discreetTopic = await newTopic(t, discreet, category, 'about the overdose at the shelter');
    const mover = await newMember(t);
    const movedTopic = await newTopic(t, mover, category);

    // Ten replies inside the delay: one email, saying how many, quoting the newest, linking to the first.
    const burst = [];
    for (let i = 1; i <= 10; i++) burst.push(await newReply(t, replier, topic.id, `burst one, reply ${i} of ten`));
    await newReply(t, replier, readerTopic.id, 'the first reply the reader hears of');
    for (let i = 1; i <= 3; i++) await newReply(t, replier, discreetTopic.id, `naloxone words ${i}`);
    for (let i = 1; i <= 2; i++) await newReply(t, replier, movedTopic.id, `a reply in a topic about to go private ${i}`);
    await Promise.all([waitForUnread(author, 10), waitForUnread(reader, 1), waitForUnread(discreet, 3), waitForUnread(mover, 2)]);
    // Access is checked again when the email is due: a topic moved where its member cannot follow sends nothing.
    const privateCategory = await newPrivateCategory(t);
    await t.http().patch(`/api/topics/${movedTopic.id}`).set(admin.auth).send({ categoryId: privateCategory }).expect(200);
    await comeDue();

    const first = await nthMail(author, 1);
    expect(first.subject).toBe(`10 new notifications in “${topic.title}”`);
    expect(first.text).toContain('burst one, reply 10 of ten');
    expect(first.text).toContain('burst one, reply 8 of ten');
    expect(first.text).not.toContain('burst one, reply 7 of ten');
    expect(first.text).toContain('…and 7 more.');
    expect(first.text).toContain(`/t/${topic.slug}/${topic.id}/${burst[0]!.number}`);
    expect(
      new Set(
        (
          await emailedAt(
            author,
            burst.map((post) => post.id),
          )
        ).map((at) => at.getTime()),
      ).size,
    ).toBe(1);

    // A second burst within the interval waits for it (deferred, not dropped), then goes as one email.
    const second = [];
    for (let i = 1; i <= 3; i++) second.push(await newReply(t, replier, topic.id, `burst two, reply ${i}`));
    // The reader's next reply is deferred the same way, but they read everything before it is due: nothing more goes.
    await nthMail(reader, 1);
    await newReply(t, replier, readerTopic.id, 'a reply the reader reads in time');
    const discreetMail = await nthMail(discreet, 1);
    // Notifications are stored by a listener after the reply commits: both are there (the first emailed, still unread).
    await Promise.all([waitForUnread(author, 13), waitForUnread(reader, 2)]);
    await comeDue();
    await t.http().post('/api/notifications/read').set(reader.auth).send({ all: true }).expect(204);

    const next = await nthMail(author, 2);
    expect(next.subject).toBe(`3 new notifications in “${topic.title}”`);
    expect(next.text).toContain('burst two, reply 3');
    expect(next.text).not.toContain('burst one');
    const [firstAt] = await emailedAt(author, [burst[0]!.id]);
    const secondAt = await emailedAt(
      author,
      second.map((post) => post.id),
    );
    expect(secondAt).toHaveLength(3);
    for (const at of secondAt) expect(at.getTime() - firstAt!.getTime()).toBeGreaterThanOrEqual(INTERVAL * 1000);

    await queuesIdle(t, QUEUES);
    expect(mailsTo(author)).toHaveLength(2);
    expect(mailsTo(reader)).toHaveLength(1);
    expect(mailsTo(mover)).toEqual([]);
    // Discreet: the one email of the batch says only that there is new activity.
    expect(mailsTo(discreet)).toHaveLength(1);
    expect(discreetMail.subject).toBe('You have new activity');
    expect(discreetMail.text).not.toMatch(/naloxone|overdose|new notifications/);
    expect(discreetMail.text).not.toContain(replier.user.username);
  });
});
