import type { MailingDto, MeDto, SubscriberDto } from '@harbour/contracts';
import type { ReceivedMail } from '../support/smtp-sink';
import { startApiProcess } from '../support/api-process';
import type { TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup } from '../support/groups';
import { inboundPort, REPLY_DOMAIN, sendInbound, startInboundApp } from '../support/inbound';
import { deliveryStatusReport, feedbackReport } from '../support/mail-reports';
import { importSubscribers, newMailing, setMailingSender, waitForMailing } from '../support/mailings';
import { freePort } from '../support/ports';

const RETURN_PATH = new RegExp(`^bounce\\+m[0-9a-z]+-[0-9a-f]{16}@${REPLY_DOMAIN.replace(/\./g, '\\.')}$`);

/**
 * Bounces and complaints (issue 21), over real SMTP both ways: mailings go out to the sink with each copy's own
 * return path, and reports come back to the app's inbound listener from nodemailer with the null sender.
 */
describe('bounces and complaints', () => {
  let t: TestApp;
  let admin: TestMember;
  let port: number;

  beforeAll(async () => {
    t = await startInboundApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1', MAILING_RATE: '0' } });
    admin = await newMember(t, { role: 'admin' });
    await setMailingSender(t, admin);
    port = inboundPort(t);
  });
  afterAll(() => t.close());

  const report = (returnPath: string, raw: string, to = returnPath) => sendInbound(port, { envelope: { from: '', to }, raw });

  async function sendMailing(fields: Record<string, unknown> = {}): Promise<MailingDto> {
    const mailing = await newMailing(t, admin, fields);
    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(202);
    return waitForMailing(t, admin, mailing.id, (m) => m.status === 'sent');
  }
  function returnPathOf(address: string, subject: string): string {
    const mail = t.smtp!.messages.find((m) => m.to.includes(address) && m.subject === subject);
    if (!mail) throw new Error(`no "${subject}" for ${address}`);
    return mail.mailFrom;
  }
  async function statusOf(email: string): Promise<string | undefined> {
    const page = await t.http().get('/api/mailing/subscribers').query({ q: email }).set(admin.auth).expect(200);
    return (page.body.items as SubscriberDto[]).find((s) => s.email === email)?.status;
  }
  async function waitForMail(address: string, subjectPart: string): Promise<ReceivedMail> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = t.smtp!.messages.find((m) => m.to.includes(address) && m.subject.includes(subjectPart));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no "${subjectPart}" for ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const mailing = async (id: string) => (await t.http().get(`/api/mailings/${id}`).set(admin.auth).expect(200)).body as MailingDto;

  it('reads hard, soft and complaint reports about mailing copies once each, and the next mailings skip those addresses', async () => {
    const [hard, soft, complains, keeps] = ['hard', 'soft', 'complains', 'keeps'].map((name) => `${name}@bounces.example.org`) as [
      string,
      string,
      string,
      string,
    ];
    await importSubscribers(
      t,
      admin,
      [hard, soft, complains, keeps].map((email) => ({ email })),
    );
    const first = await sendMailing({ subject: 'First' });
    expect(first.sent).toBe(4);
    const hardPath = returnPathOf(hard, 'First');
    expect(hardPath).toMatch(RETURN_PATH);
    expect(returnPathOf(soft, 'First')).not.toBe(hardPath);

    const bounce = deliveryStatusReport({ returnPath: hardPath, recipient: hard, action: 'failed', status: '5.1.1' });
    expect(await report(hardPath, bounce)).toEqual({ accepted: true });
    expect(await report(hardPath, bounce)).toEqual({ accepted: true }); // a retry of the same report
    // A feedback loop's report comes to one fixed address: the original's Return-Path names the copy.
    const complaint = feedbackReport({ returnPath: returnPathOf(complains, 'First'), recipient: complains });
    expect(await report('', complaint, `bounce+feedback-loop@${REPLY_DOMAIN}`)).toEqual({ accepted: true });
    const delayed = (path: string) => deliveryStatusReport({ returnPath: path, recipient: soft, action: 'delayed', status: '4.2.2' });
    const softPath = returnPathOf(soft, 'First');
    expect(await report(softPath, delayed(softPath))).toEqual({ accepted: true });
    expect(await report(softPath, delayed(softPath))).toEqual({ accepted: true }); // one copy counts once
    // A person's reply to the return path: accepted, dropped, never answered.
    expect(await report(softPath, 'From: a@example.org\r\nSubject: Re: First\r\n\r\nThanks!\r\n')).toEqual({ accepted: true });

    expect(await mailing(first.id)).toMatchObject({ total: 4, sent: 2, bounced: 1, complained: 1 });
    expect([await statusOf(hard), await statusOf(complains), await statusOf(soft)]).toEqual(['bounced', 'complained', 'subscribed']);
    const logged = await sql<{ action: string; actor_id: string | null }>(
      t.databaseUrl,
      `SELECT action, actor_id FROM moderation_log WHERE action IN ('subscriber.bounced', 'subscriber.complained') ORDER BY action`,
    );
    expect(logged).toEqual([
      { action: 'subscriber.bounced', actor_id: null },
      { action: 'subscriber.complained', actor_id: null },
    ]);

    // Two more copies to the soft address fail for now: the third suppresses it.
    for (const subject of ['Second', 'Third']) {
      const next = await sendMailing({ subject });
      expect(next.total).toBe(2); // neither the bounced nor the complaining address
      const path = returnPathOf(soft, subject);
      expect(await report(path, delayed(path))).toEqual({ accepted: true });
    }
    expect(await statusOf(soft)).toBe('bounced');
    expect(t.smtp!.countFor(keeps)).toBe(3);
  });

  it('counts a report once when two API processes receive it at the same moment', async () => {
    const address = 'twice@bounces.example.org';
    await importSubscribers(t, admin, [{ email: address }]);
    const sent = await sendMailing({ subject: 'Twice' });
    const path = returnPathOf(address, 'Twice');
    const secondPort = await freePort();
    const second = await startApiProcess(t, { INBOUND_SMTP_PORT: String(secondPort), INBOUND_SMTP_HOST: '127.0.0.1', REPLY_DOMAIN });
    try {
      const raw = feedbackReport({ returnPath: path, recipient: address });
      const answers = await Promise.all([report(path, raw), sendInbound(secondPort, { envelope: { from: '', to: path }, raw })]);
      expect(answers).toEqual([{ accepted: true }, { accepted: true }]);
    } finally {
      await second.stop();
    }
    expect(await mailing(sent.id)).toMatchObject({ sent: sent.total - 1, complained: 1 });
    const logged = await sql(
      t.databaseUrl,
      `SELECT 1 FROM moderation_log WHERE action = 'subscriber.complained' AND target_id = (SELECT id FROM subscribers WHERE email = $1)`,
      [address],
    );
    expect(logged).toHaveLength(1);
  });

  it('refuses a forged or altered return path with a bare 550', async () => {
    const forged = `bounce+m1-0123456789abcdef@${REPLY_DOMAIN}`;
    const answer = await report(
      forged,
      deliveryStatusReport({ returnPath: forged, recipient: 'x@example.org', action: 'failed', status: '5.1.1' }),
    );
    expect(answer).toMatchObject({ accepted: false, code: 550 });
    expect(answer.accepted === false && answer.message).toMatch(/No such address/);
  });

  it('marks a member whose notification mail bounced, stops their mail, and lets them clear it', async () => {
    const member = await newMember(t);
    const replier = await newMember(t);
    const group = await newGroup(t, admin);
    await addToGroup(t, group, admin, member);
    const topic = await newTopic(t, member, await newCategory(t, admin));
    await newReply(t, replier, topic.id, 'first reply');
    const notification = await waitForMail(member.user.email, 'replied to you');
    // The member's own mail comes back to them: its return path names the member (u…), not the message.
    const path = notification.mailFrom;
    expect(path).toMatch(new RegExp(`^bounce\\+u[0-9a-f]{32}-[0-9a-f]{16}@${REPLY_DOMAIN.replace(/\./g, '\\.')}$`));
    const bounce = deliveryStatusReport({ returnPath: path, recipient: member.user.email, action: 'failed', status: '5.2.1' });
    expect(await report(path, bounce)).toEqual({ accepted: true });
    const me = async () => (await t.http().get('/api/me').set(member.auth).expect(200)).body as MeDto;
    expect((await me()).emailProblem).toMatchObject({ kind: 'bounced' });

    const before = t.smtp!.countFor(member.user.email);
    // Another topic: a topic emails a member at most once an hour, which would hide what this checks.
    await newReply(t, replier, (await newTopic(t, member, topic.categoryId)).id, 'second reply');
    const groupMailing = await sendMailing({ subject: 'To the group', audience: { groupId: group.id } });
    expect(groupMailing.total).toBe(1); // the admin only
    await queuesIdle(t, ['notifications.email', 'mail.send']);
    expect(t.smtp!.countFor(member.user.email)).toBe(before);

    await t.http().delete('/api/me/email-problem').set(member.auth).expect(204);
    expect((await me()).emailProblem).toBeNull();
  });
});
