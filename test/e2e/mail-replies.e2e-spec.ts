import { strFromU8, unzipSync } from 'fflate';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { EmailOriginalDto, MessageDto, PostDto, TopicPostsPageDto } from '@harbour/contracts';
import { ReplyAddresses, type ReplyTarget } from '@harbour/mail-replies';
import type { TestApp } from '../support/app';
import { messagesOf, startConversation } from '../support/conversations';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';
import { inboundPort, REPLY_DOMAIN, sendInbound, startInboundApp } from '../support/inbound';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { freePort } from '../support/ports';
import { inDays } from '../support/moderation';
import { waitForNotifications } from '../support/anonymous';
import { NotificationDigest } from '@harbour/notifications';

// The smallest PNG there is: a picture attached to a reply becomes an upload, re-encoded like any.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Replies by email (api.md 1.1, Mail both ways): real SMTP in (nodemailer → the listener) and out (the sink). */
describe('replies by email', () => {
  let t: TestApp;
  let port: number;
  let admin: TestMember;
  let mod: TestMember;
  let sam: TestMember;
  let categoryId: string;

  beforeAll(async () => {
    t = await startInboundApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '0' } });
    port = inboundPort(t);
    admin = await newMember(t, { role: 'admin', username: 'mr_admin' });
    mod = await newMember(t, { role: 'moderator', username: 'mr_mod' });
    sam = await newMember(t, { username: 'mr_sam' });
    categoryId = await newCategory(t, admin, 'Outreach');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A reply address made as a notification email makes one (without waiting for that email). */
  async function addressFor(who: TestMember, target: ReplyTarget): Promise<string> {
    const address = await t.app.get(ReplyAddresses).issue(t.app.get(DataSource).manager, who.user.id, target);
    if (!address) throw new Error('REPLY_DOMAIN is not set');
    return address;
  }
  const replyFrom = (who: TestMember, to: string, text: string, extra: object = {}) =>
    sendInbound(port, { from: who.user.email, to, subject: 'Re: your topic', text, ...extra });
  const postsOf = async (topicId: string): Promise<PostDto[]> =>
    ((await t.http().get(`/api/topics/${topicId}/posts`).set(admin.auth).expect(200)).body as TopicPostsPageDto).items;

  it('a notification email can be answered: the reply, without the quote and signature, is posted as the member, with its picture', async () => {
    const topic = await newTopic(t, sam, categoryId, 'Who has naloxone kits this week?');
    await newReply(t, mod, topic.id, 'We have twenty at the drop-in.');
    const mail = await t.smtp!.waitFor(sam.user.email);
    const replyTo = String(mail.rawHeaders.get('reply-to'));
    expect(replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]{26}@${REPLY_DOMAIN.replace(/\./g, '\\.')}$`));
    expect(mail.text.startsWith('## Write your reply above this line ##')).toBe(true);
    expect(mail.rawHeaders.get('auto-submitted')).toBe('auto-generated');

    const answer = await replyFrom(
      sam,
      replyTo,
      `I'll pick up five.\n\n-- \nSam, outreach\n\nOn Tue, mr_mod wrote:\n> ${mail.text.replace(/\n/g, '\n> ')}`,
      {
        messageId: '<first-reply@phone.example>',
        attachments: [{ filename: 'kits.png', content: PIXEL, contentType: 'image/png' }],
      },
    );
    expect(answer).toEqual({ accepted: true });
    const posted = (await postsOf(topic.id)).at(-1)!;
    expect(posted.author?.username).toBe('mr_sam');
    expect(posted.viaEmail).toBe(true);
    expect(posted.body).toMatch(/^I'll pick up five\.\n\n!\[kits\.png\]\(\/api\/uploads\/[0-9a-f-]{36}\)$/);

    // The email as sent, for the space's moderators only; the same 404 as nothing for one who may not see the topic.
    const original = (await t.http().get(`/api/moderation/posts/${posted.id}/email`).set(mod.auth).expect(200)).body as EmailOriginalDto;
    expect(original.source).toContain('first-reply@phone.example');
    expect(original.source).toContain('Sam, outreach');
    await t.http().get(`/api/moderation/posts/${posted.id}/email`).set(sam.auth).expect(403);
    await t.http().get(`/api/moderation/posts/${posted.id}/email`).expect(401);
    const webPost = await newReply(t, mod, topic.id, 'Great');
    expect(webPost.viaEmail).toBe(false);
    await t.http().get(`/api/moderation/posts/${webPost.id}/email`).set(mod.auth).expect(404);
  });

  it('a daily summary gives each topic its reply address, and answering it posts there', async () => {
    const reader = await newMember(t, { username: 'mr_digest' });
    await t
      .http()
      .patch('/api/notifications/preferences')
      .set(reader.auth)
      .send({ digest: 'daily', deliveries: { reply: 'in_app' } })
      .expect(200);
    const topic = await newTopic(t, reader, categoryId, 'Supplies for Saturday');
    await newReply(t, mod, topic.id, 'Who can carry the boxes?');
    await waitForNotifications(t, reader, 1);
    expect(await t.app.get(NotificationDigest).sendDue()).toBeGreaterThanOrEqual(1);
    const summary = await t.smtp!.waitFor(reader.user.email);
    expect(summary.subject).toMatch(/daily summary/);
    const address = /\(reply by email: (reply\+[a-z2-7]{26}@[^)\s]+)\)/.exec(summary.text)?.[1];
    expect(address).toBeDefined();
    expect(summary.html).toContain(`href="mailto:${address}"`);
    expect(await replyFrom(reader, address!, 'I can, with my car.')).toEqual({ accepted: true });
    expect((await postsOf(topic.id)).at(-1)).toMatchObject({ body: 'I can, with my car.', author: { username: 'mr_digest' } });
  });

  it('two replies over one connection (as relays send them) each go to their own topic, once', async () => {
    const [first, second] = [await newTopic(t, mod, categoryId), await newTopic(t, mod, categoryId)];
    const relay = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
    try {
      await relay.sendMail({
        from: sam.user.email,
        to: await addressFor(sam, { topicId: first.id }),
        subject: 'Re',
        text: 'For the first',
      });
      await relay.sendMail({
        from: sam.user.email,
        to: await addressFor(sam, { topicId: second.id }),
        subject: 'Re',
        text: 'For the second',
      });
    } finally {
      relay.close();
    }
    expect((await postsOf(first.id)).map((post) => post.body)).toEqual(['First post body', 'For the first']);
    expect((await postsOf(second.id)).map((post) => post.body)).toEqual(['First post body', 'For the second']);
  });

  it('in a space where everyone is anonymous, a reply by email is anonymous too, and its email is not kept', async () => {
    const peer = await newCategory(t, admin, 'Peer space');
    await t.http().patch(`/api/categories/${peer}`).set(admin.auth).send({ anonymous: 'required' }).expect(200);
    const topic = await newTopic(t, mod, peer);
    expect(await replyFrom(sam, await addressFor(sam, { topicId: topic.id }), 'Nobody knows it is me')).toEqual({ accepted: true });
    const posted = (await postsOf(topic.id)).at(-1)!;
    expect(posted).toMatchObject({ body: 'Nobody knows it is me', author: null, anonymousLabel: expect.stringMatching(/^Anonymous \d$/) });
    await t.http().get(`/api/moderation/posts/${posted.id}/email`).set(admin.auth).expect(404);
    expect(await sql(t.databaseUrl, `SELECT raw FROM email_originals WHERE post_id = $1`, [posted.id])).toEqual([{ raw: null }]);
  });

  it('a member’s emails are in their export, and leave with their account while their posts stay', async () => {
    const leaver = await newMember(t, { username: 'mr_leaving' });
    const topic = await newTopic(t, mod, categoryId);
    expect(await replyFrom(leaver, await addressFor(leaver, { topicId: topic.id }), 'Thanks for everything')).toEqual({ accepted: true });
    const exported = await t
      .http()
      .post('/api/me/export')
      .set(leaver.auth)
      .send({ password: leaver.password })
      .responseType('blob')
      .expect(200);
    const emails = JSON.parse(strFromU8(unzipSync(new Uint8Array(exported.body as Buffer))['emails.json']!)) as { email: string }[];
    expect(emails).toEqual([expect.objectContaining({ email: expect.stringContaining('Thanks for everything') })]);
    await t.http().delete('/api/me').set(leaver.auth).send({ password: leaver.password, posts: 'anonymize' }).expect(204);
    expect((await postsOf(topic.id)).at(-1)?.body).toBe('Thanks for everything');
    expect(
      await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM email_originals WHERE position($1 in convert_from(raw, 'UTF8')) > 0`, [
        leaver.user.email,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM reply_addresses WHERE user_id = $1`, [leaver.user.id])).toEqual([
      { n: 0 },
    ]);
  });

  it('the same email delivered eight times at once, and again later, makes one post', async () => {
    const topic = await newTopic(t, mod, categoryId);
    const to = await addressFor(sam, { topicId: topic.id });
    const send = () => replyFrom(sam, to, 'Counting once', { messageId: '<same-one@phone.example>' });
    const answers = await Promise.all(Array.from({ length: 8 }, send));
    expect(answers.every((answer) => answer.accepted)).toBe(true);
    expect(await send()).toEqual({ accepted: true });
    expect((await postsOf(topic.id)).filter((post) => post.body === 'Counting once')).toHaveLength(1);
  });

  it('posts nothing for a forged address, another sender, an expired address, an auto-reply, a bounce or an empty reply', async () => {
    const topic = await newTopic(t, mod, categoryId);
    const to = await addressFor(sam, { topicId: topic.id });
    const forged = `reply+${'a'.repeat(26)}@${REPLY_DOMAIN}`;
    expect(await replyFrom(sam, forged, 'Forged')).toMatchObject({
      accepted: false,
      code: 550,
      message: expect.stringContaining('No such address'),
    });
    // The address is not enough: it must come from the member (a forwarded email is someone else), told nothing more.
    expect(await sendInbound(port, { from: 'someone@else.example', to, subject: 'Re', text: 'Not Sam' })).toMatchObject({
      accepted: false,
      code: 550,
      message: expect.stringContaining('No such address'),
    });
    expect(await replyFrom(sam, to, 'Out of office', { headers: { 'Auto-Submitted': 'auto-replied' } })).toEqual({ accepted: true });
    expect(
      await sendInbound(port, { envelope: { from: '', to }, from: sam.user.email, to, subject: 'Undelivered', text: 'Bounce' }),
    ).toEqual({
      accepted: true,
    });
    expect(await replyFrom(sam, to, `> only the quote\n`)).toMatchObject({ accepted: false, message: expect.stringContaining('empty') });
    await sql(t.databaseUrl, `UPDATE reply_addresses SET expires_at = now() - interval '1 day'`);
    expect(await replyFrom(sam, to, 'Late')).toMatchObject({ accepted: false, message: expect.stringContaining('expired') });
    expect((await postsOf(topic.id)).map((post) => post.body)).toEqual(['First post body']);
  });

  it('is checked as a post from the web: a lock, a silence and a lost access each refuse it, with a reason', async () => {
    const topic = await newTopic(t, mod, categoryId);
    const to = await addressFor(sam, { topicId: topic.id });
    await t.http().patch(`/api/topics/${topic.id}`).set(mod.auth).send({ locked: true }).expect(200);
    expect(await replyFrom(sam, to, 'Locked?')).toMatchObject({ accepted: false, message: expect.stringContaining('locked') });
    await t.http().patch(`/api/topics/${topic.id}`).set(mod.auth).send({ locked: false }).expect(200);

    const private_ = await newPrivateCategory(t);
    await t.http().patch(`/api/topics/${topic.id}`).set(admin.auth).send({ categoryId: private_ }).expect(200);
    expect(await replyFrom(sam, to, 'Moved?')).toMatchObject({ accepted: false, message: expect.stringContaining('no longer post') });
    await t.http().patch(`/api/topics/${topic.id}`).set(admin.auth).send({ categoryId }).expect(200);

    const quiet = await newMember(t, { username: 'mr_quiet' });
    const quietTo = await addressFor(quiet, { topicId: topic.id });
    await t
      .http()
      .post(`/api/moderation/users/${quiet.user.id}/sanctions`)
      .set(mod.auth)
      .send({ type: 'silence', reason: 'Pause', until: inDays(1) })
      .expect(201);
    expect(await replyFrom(quiet, quietTo, 'Silenced?')).toMatchObject({ accepted: false, code: 550 });
    expect((await postsOf(topic.id)).map((post) => post.body)).toEqual(['First post body']);
  });

  it('answers a conversation with a message, through a second API process listening too', async () => {
    const conversation = await startConversation(t, mod, [sam], 'Kits', 'Can you help Friday?');
    const to = await addressFor(sam, { conversationId: conversation.id });
    const secondPort = await freePort();
    const second: ApiProcess = await startApiProcess(t, {
      INBOUND_SMTP_PORT: String(secondPort),
      INBOUND_SMTP_HOST: '127.0.0.1',
      REPLY_DOMAIN,
    });
    try {
      expect(await sendInbound(secondPort, { from: sam.user.email, to, subject: 'Re: Kits', text: 'Yes, Friday works.' })).toEqual({
        accepted: true,
      });
    } finally {
      await second.stop();
    }
    const messages: MessageDto[] = await messagesOf(t, mod, conversation.id);
    expect(messages.map((message) => message.body)).toContain('Yes, Friday works.');
  });

  it('refuses what is not ours, too many recipients and a message past the size limit', async () => {
    const topic = await newTopic(t, mod, categoryId);
    const to = await addressFor(sam, { topicId: topic.id });
    expect(await replyFrom(sam, `someone@${REPLY_DOMAIN}`, 'Hello')).toMatchObject({ accepted: false, code: 550 });
    const many = Array.from({ length: 11 }, (_, index) => `reply+${String(index).padStart(26, 'b')}@${REPLY_DOMAIN}`);
    const crowd = await sendInbound(port, { from: sam.user.email, to: many, subject: 'Hi all', text: 'Spam' });
    // nodemailer sends to the recipients taken when some are refused: the ten are forged, so nothing is posted either way.
    expect(crowd.accepted).toBe(false);
    const huge = await replyFrom(sam, to, 'x'.repeat(16 * 1024 * 1024));
    expect(huge).toMatchObject({ accepted: false, code: 552 });
    // Not an email at all, and a mail bomb of a thousand nested parts: refused or dropped, and the listener goes on.
    const garbage = await sendInbound(port, {
      envelope: { from: sam.user.email, to },
      raw: Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 13, 10, 0]),
    });
    expect(garbage).toMatchObject({ accepted: false, code: 550 });
    const nested = Array.from({ length: 1000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`).join('');
    const bomb = await sendInbound(port, {
      envelope: { from: sam.user.email, to },
      raw: `From: ${sam.user.email}\nTo: ${to}\nSubject: bomb\n${nested}`,
    });
    expect(bomb.accepted || bomb.code === 550).toBe(true);
    expect(await replyFrom(sam, to, 'Still listening')).toEqual({ accepted: true });
    expect((await postsOf(topic.id)).map((post) => post.body)).toEqual(['First post body', 'Still listening']);
  });
});
