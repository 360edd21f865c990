import type { Socket } from 'socket.io-client';
import type { NotificationDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent } from '../support/sockets';

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

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));
const heart = encodeURIComponent('❤️');

describe('notifications', () => {
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

  it('tells the author of a topic of a reply, and lists, counts and marks it read', async () => {
    const author = await newMember(t);
    const replier = await newMember(t);
    const topic = await newTopic(t, author, category);
    const reply = await newReply(t, replier, topic.id, 'Thanks for this');
    const [notification] = await notificationsOf(t, author, 1);
    expect(notification).toMatchObject({
      type: 'reply',
      topicId: topic.id,
      postId: reply.id,
      readAt: null,
      actor: { id: replier.user.id, username: replier.user.username },
      data: { count: 1, topicTitle: topic.title },
    });
    expect(notification!.actor).not.toHaveProperty('email');
    expect((await t.http().get('/api/notifications/unread-count').set(author.auth).expect(200)).body).toEqual({ count: 1 });
    // The replier is never told of their own reply.
    expect(await notificationsOf(t, replier, 0)).toEqual([]);

    await t
      .http()
      .post('/api/notifications/read')
      .set(author.auth)
      .send({ ids: [notification!.id] })
      .expect(204);
    expect((await t.http().get('/api/notifications/unread-count').set(author.auth).expect(200)).body).toEqual({ count: 0 });
    expect(await notificationsOf(t, author, 0, '?unread=true')).toEqual([]);
    expect((await notificationsOf(t, author, 1))[0]!.readAt).not.toBeNull();
  });

  it('gives one notification per member per post, for the most personal reason', async () => {
    const author = await newMember(t);
    const quoted = await newMember(t);
    const mentioned = await newMember(t);
    const topic = await newTopic(t, author, category);
    const quotedPost = await newReply(t, quoted, topic.id, 'Something worth quoting');
    await t
      .http()
      .post(`/api/topics/${topic.id}/posts`)
      .set(author.auth)
      .send({
        body: `> Something worth quoting\n\n@${mentioned.user.username} and @${quoted.user.username}, look`,
        quotes: [quotedPost.id],
        parentId: quotedPost.id,
      })
      .expect(201);
    expect((await notificationsOf(t, mentioned, 1)).map((n) => n.type)).toEqual(['mention']);
    // Quoted, replied to and mentioned in one post: one notification, the mention.
    expect((await notificationsOf(t, quoted, 1)).map((n) => n.type)).toEqual(['mention']);
    const quoter = await newMember(t);
    await t
      .http()
      .post(`/api/topics/${topic.id}/posts`)
      .set(quoter.auth)
      .send({ body: '> quoted', quotes: [quotedPost.id] })
      .expect(201);
    expect((await notificationsOf(t, quoted, 2)).map((n) => n.type)).toEqual(['quote', 'mention']);
  });

  it('gathers reactions to one post into one notification', async () => {
    const author = await newMember(t);
    const topic = await newTopic(t, author, category);
    const fans = await Promise.all([newMember(t), newMember(t), newMember(t)]);
    await Promise.all(fans.map((fan) => t.http().put(`/api/posts/${topic.firstPost.id}/reactions/${heart}`).set(fan.auth).expect(204)));
    await settle();
    const items = await notificationsOf(t, author, 1);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'reaction', postId: topic.firstPost.id, data: { count: 3, emoji: '❤️' } });
    // Reacting to your own post tells nobody.
    await t.http().put(`/api/posts/${topic.firstPost.id}/reactions/${heart}`).set(author.auth).expect(204);
    await settle();
    expect((await notificationsOf(t, author, 1))[0]!.data.count).toBe(3);
  });

  it('follows watched topics and categories, and stays quiet for muted ones', async () => {
    const author = await newMember(t);
    const watcher = await newMember(t);
    const muter = await newMember(t);
    const topic = await newTopic(t, author, category);
    await t.http().put(`/api/topics/${topic.id}/notification-level`).set(watcher.auth).send({ level: 'watching' }).expect(204);
    await t.http().put(`/api/topics/${topic.id}/notification-level`).set(author.auth).send({ level: 'muted' }).expect(204);
    await newReply(t, muter, topic.id, `one @${author.user.username}`);
    await newReply(t, muter, topic.id, 'two');
    await settle();
    const watched = await notificationsOf(t, watcher, 1);
    expect(watched).toHaveLength(1);
    expect(watched[0]).toMatchObject({ type: 'watched_topic_post', data: { count: 2 } });
    expect(await notificationsOf(t, author, 0)).toEqual([]);

    const categoryWatcher = await newMember(t);
    const watchedCategory = await newCategory(t, admin);
    await t
      .http()
      .put(`/api/categories/${watchedCategory}/notification-level`)
      .set(categoryWatcher.auth)
      .send({ level: 'watching' })
      .expect(204);
    const fresh = await newTopic(t, author, watchedCategory);
    expect(await notificationsOf(t, categoryWatcher, 1)).toMatchObject([{ type: 'watched_category_topic', topicId: fresh.id }]);
  });

  it('gathers replies that arrive at once into one counted notification for a watcher', async () => {
    const author = await newMember(t);
    const watcher = await newMember(t);
    const topic = await newTopic(t, author, category);
    await t.http().put(`/api/topics/${topic.id}/notification-level`).set(watcher.auth).send({ level: 'watching' }).expect(204);
    const repliers = await Promise.all([1, 2, 3, 4, 5].map(() => newMember(t)));
    // Five at once land in one fan-out batch: they must gather, not collide on the grouping index.
    await Promise.all(repliers.map((replier, index) => newReply(t, replier, topic.id, `reply ${index}`)));
    await settle();
    const items = await notificationsOf(t, watcher, 1);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'watched_topic_post', topicId: topic.id, data: { count: 5 } });
    expect((await t.http().get('/api/notifications/unread-count').set(watcher.auth).expect(200)).body).toEqual({ count: 1 });
  });

  it('never tells anyone of what they may not see, and forgets it when access is taken away', async () => {
    const owner = await newMember(t);
    const insider = await newMember(t);
    const outsider = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, insider);
    const space = await newGroupCategory(t, owner, group);
    const topic = await newTopic(t, insider, space);
    await newReply(t, owner, topic.id, `@${outsider.user.username} @${insider.user.username} secret plans`);
    expect((await notificationsOf(t, insider, 2)).map((n) => n.type)).toContain('mention');
    await settle();
    expect(await notificationsOf(t, outsider, 0)).toEqual([]);

    await t.http().delete(`/api/groups/${group.slug}/members/${insider.user.id}`).set(owner.auth).expect(204);
    const after = await notificationsOf(t, insider, 0);
    expect(after.filter((n) => n.topicId === topic.id)).toEqual([]);
    const count = (await t.http().get('/api/notifications/unread-count').set(insider.auth).expect(200)).body as { count: number };
    expect(count.count).toBe(after.filter((n) => n.readAt === null).length);
  });

  it('tells a group’s members of an @mention of the group by one of them, never by a stranger', async () => {
    const owner = await newMember(t);
    const member = await newMember(t);
    const stranger = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, member);
    const publicTopic = await newTopic(t, stranger, category);
    await newReply(t, stranger, publicTopic.id, `paging @${group.slug}`);
    await settle();
    // (The member's invitation to the group is a notification of its own.)
    expect((await notificationsOf(t, member, 1)).map((n) => n.type)).toEqual(['group_invitation']);
    const space = await newGroupCategory(t, owner, group);
    const topic = await newTopic(t, owner, space, `Meeting tonight, @${group.slug}`);
    expect((await notificationsOf(t, member, 2)).filter((n) => n.type === 'mention')).toMatchObject([{ topicId: topic.id }]);
    expect((await notificationsOf(t, owner, 0)).filter((n) => n.topicId === topic.id)).toEqual([]);
  });

  it('tells of group invitations and join requests', async () => {
    const owner = await newMember(t);
    const invitee = await newMember(t);
    const asker = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ username: invitee.user.username }).expect(201);
    expect(await notificationsOf(t, invitee, 1)).toMatchObject([
      { type: 'group_invitation', groupId: group.id, data: { groupName: group.name } },
    ]);
    await t.http().post(`/api/groups/${group.slug}/join-requests`).set(asker.auth).send({ message: 'hello' }).expect(201);
    expect(await notificationsOf(t, owner, 1)).toMatchObject([{ type: 'group_join_request', actor: { id: asker.user.id } }]);
  });

  it('pushes the notification and the new count to every tab of the member, live', async () => {
    const author = await newMember(t);
    const replier = await newMember(t);
    const topic = await newTopic(t, author, category);
    const tabs = [await connectSocket(t.baseUrl, { token: author.token }), await connectSocket(t.baseUrl, { token: author.token })];
    sockets.push(...tabs);
    const pushed = tabs.map((tab) => nextEvent<NotificationDto>(tab, 'notification'));
    const counted = tabs.map((tab) => nextEvent<{ count: number }>(tab, 'notification:count'));
    await newReply(t, replier, topic.id, 'live');
    for (const notification of await Promise.all(pushed)) expect(notification).toMatchObject({ type: 'reply', topicId: topic.id });
    expect(await Promise.all(counted)).toEqual([{ count: 1 }, { count: 1 }]);
    const cleared = nextEvent<{ count: number }>(tabs[1]!, 'notification:count');
    await t.http().post('/api/notifications/read').set(author.auth).send({ all: true }).expect(204);
    expect(await cleared).toEqual({ count: 0 });
  });
});
