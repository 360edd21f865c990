import type { Socket } from 'socket.io-client';
import type { NotificationDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { connectSocket } from '../support/sockets';

/** Notifications are stored by listeners after the write commits: wait until there are `expected` of them. */
async function notificationsOf(t: TestApp, member: TestMember, expected: number): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = (await t.http().get('/api/notifications').set(member.auth).expect(200)).body.items as NotificationDto[];
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Blocking (api.md 1.1): the blocker no longer hears from the blocked member — no notification of any type,
 * no email, no live count — while an unblocked member's same acts still reach them, and the blocked member
 * hears from the blocker as before (they are never told).
 */
describe('blocking a member: notifications and email', () => {
  let t: TestApp;
  let admin: TestMember;
  let category: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '2' } });
    admin = await newMember(t, { role: 'admin' });
    category = await newCategory(t, admin);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  it('a blocked member’s reply, mention, quote, reaction and group invitation reach the blocker neither in the app nor by email', async () => {
    const [blocker, blocked, friend] = [await newMember(t), await newMember(t), await newMember(t)];
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const socket = await connectSocket(t.baseUrl, { token: blocker.token });
    sockets.push(socket);
    const heard: string[] = [];
    socket.onAny((event: string) => heard.push(event));

    const topic = await newTopic(t, blocker, category, 'my own topic');
    await newReply(t, blocked, topic.id, 'a reply to you', topic.firstPost.id);
    await newTopic(t, blocked, category, `hey @${blocker.user.username} look here`);
    await t
      .http()
      .post(`/api/topics/${topic.id}/posts`)
      .set(blocked.auth)
      .send({ body: `> quoting you\n\nquoted`, quotes: [topic.firstPost.id] })
      .expect(201);
    await t
      .http()
      .put(`/api/posts/${topic.firstPost.id}/reactions/${encodeURIComponent('👍')}`)
      .set(blocked.auth)
      .expect(204);
    const slug = `blocked-group-${Date.now()}`;
    await t.http().post('/api/groups').set(blocked.auth).send({ name: 'Their group', slug, visibility: 'public' }).expect(201);
    await t.http().post(`/api/groups/${slug}/invitations`).set(blocked.auth).send({ username: blocker.user.username }).expect(201);

    // The same acts by a member who is not blocked do arrive: the test can see a notification and an email.
    await newReply(t, friend, topic.id, 'a friendly reply', topic.firstPost.id);
    const mail = await t.smtp!.waitFor(blocker.user.email);
    expect(mail.subject).toContain(friend.user.displayName);
    const items = await notificationsOf(t, blocker, 1);
    // The blocked member's acts came first: their notifications and email jobs, were any made, were made
    // with the acts (the friend's email waited out its 2 s delay since); every email job has now run.
    await queuesIdle(t, ['notifications.email', 'mail.send']);
    expect((await notificationsOf(t, blocker, 1)).map((item) => [item.type, item.actor?.id])).toEqual([['reply', friend.user.id]]);
    expect(items).toHaveLength(1);
    expect(t.smtp!.messages.filter((message) => message.to.includes(blocker.user.email))).toHaveLength(1);
    expect(JSON.stringify(t.smtp!.messages.filter((message) => message.to.includes(blocker.user.email)))).not.toContain(
      blocked.user.displayName,
    );
    // One live count: the friend's reply, none for the blocked member's five acts.
    expect(heard.filter((event) => event === 'notification:count')).toHaveLength(1);
  });

  it('the blocked member still hears from the blocker as before: they are never told', async () => {
    const [blocker, blocked] = [await newMember(t), await newMember(t)];
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const topic = await newTopic(t, blocked, category);
    await newReply(t, blocker, topic.id, `an answer for @${blocked.user.username}`, topic.firstPost.id);
    const items = await notificationsOf(t, blocked, 1);
    expect(items.map((item) => [item.type, item.actor?.id])).toEqual([['mention', blocker.user.id]]);
    await t.smtp!.waitFor(blocked.user.email);
  });

  it('hears from the member again once unblocked', async () => {
    const [blocker, blocked] = [await newMember(t), await newMember(t)];
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const topic = await newTopic(t, blocker, category);
    await newReply(t, blocked, topic.id, 'back again', topic.firstPost.id);
    expect((await notificationsOf(t, blocker, 1)).map((item) => [item.type, item.actor?.id])).toEqual([['reply', blocked.user.id]]);
  });

  it('quiets what came before the block too (list, count and a waiting email) until unblocked', async () => {
    const [blocker, blocked, friend] = [await newMember(t), await newMember(t), await newMember(t)];
    const topic = await newTopic(t, blocker, category);
    await newReply(t, blocked, topic.id, 'sent before the block', topic.firstPost.id);
    expect(await notificationsOf(t, blocker, 1)).toHaveLength(1);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    expect(await notificationsOf(t, blocker, 0)).toEqual([]);
    expect((await t.http().get('/api/notifications/unread-count').set(blocker.auth).expect(200)).body).toEqual({ count: 0 });
    await newReply(t, friend, topic.id, 'sent after the block', topic.firstPost.id);
    const mail = await t.smtp!.waitFor(blocker.user.email);
    expect(mail.subject).toContain(friend.user.displayName);
    await queuesIdle(t, ['notifications.email', 'mail.send']);
    // The email of the reply from before the block was waiting out its delay: its job ran and sent nothing.
    expect(t.smtp!.messages.filter((message) => message.to.includes(blocker.user.email))).toHaveLength(1);
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    expect((await notificationsOf(t, blocker, 2)).map((item) => item.actor?.id)).toEqual([friend.user.id, blocked.user.id]);
  });

  it('still tells a member of a moderator’s decision, even a moderator they blocked', async () => {
    const [member, moderator] = [await newMember(t), await newMember(t, { role: 'moderator' })];
    await t.http().put(`/api/me/blocks/${moderator.user.id}`).set(member.auth).expect(204);
    await t
      .http()
      .post(`/api/moderation/users/${member.user.id}/sanctions`)
      .set(moderator.auth)
      .send({ type: 'warn', reason: 'Be kind' })
      .expect(201);
    expect((await notificationsOf(t, member, 1)).map((item) => item.type)).toEqual(['moderation']);
  });
});
