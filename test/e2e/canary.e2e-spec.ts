import { strFromU8, unzipSync } from 'fflate';
import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket } from '../support/sockets';

/**
 * Plants a unique word everywhere a private space can hold it (title, body, edit history, a mention of
 * the outsider, a quote, reactions, bookmarks, the group's own name), then sweeps every list, search,
 * count, revision, socket and mail an outsider can reach. The word must never come back.
 */
describe('a canary in a private space', () => {
  const CANARY = `canary${Math.random().toString(36).slice(2, 10)}`;
  let t: TestApp;
  let owner: TestMember;
  let insider: TestMember;
  let outsider: TestMember;
  let ids: { topic: string; post: string; reply: string; category: string; group: string; groupSlug: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Notification emails leave after one second here, so the mail sweep below sees them.
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    const admin = await newMember(t, { role: 'admin' });
    owner = await newMember(t);
    insider = await newMember(t);
    outsider = await newMember(t, { username: 'outsider_canary' });
    const publicCategory = await newCategory(t, admin, 'Open talk');
    await newTopic(t, outsider, publicCategory, 'A public topic');

    const group = await newGroup(t, owner, 'hidden');
    await t
      .http()
      .patch(`/api/groups/${group.slug}`)
      .set(owner.auth)
      .send({ name: `${CANARY} group`, description: CANARY })
      .expect(200);
    await addToGroup(t, group, owner, insider);
    const category = await newGroupCategory(t, owner, group, { description: CANARY });
    const topic = (
      await t
        .http()
        .post('/api/topics')
        .set(insider.auth)
        .send({ categoryId: category, title: `About ${CANARY}`, body: `${CANARY} first version, @outsider_canary` })
        .expect(201)
    ).body as { id: string; firstPost: { id: string } };
    await t
      .http()
      .patch(`/api/posts/${topic.firstPost.id}`)
      .set(insider.auth)
      .send({ body: `edited, was ${CANARY}` })
      .expect(200);
    const reply = await newReply(t, owner, topic.id, `> ${CANARY} quoted\n\nreply with ${CANARY}`, topic.firstPost.id);
    await t
      .http()
      .put(`/api/posts/${reply.id}/reactions/${encodeURIComponent('❤️')}`)
      .set(insider.auth)
      .expect(204);
    await t.http().put(`/api/posts/${reply.id}/bookmark`).set(insider.auth).expect(204);
    await t.http().post(`/api/groups/${group.slug}/invitations`).set(owner.auth).send({ email: 'someone@example.org' }).expect(201);
    // The outsider blocked the insider: their block list and blocked-author marks are swept too.
    await t.http().put(`/api/me/blocks/${insider.user.id}`).set(outsider.auth).expect(204);
    ids = { topic: topic.id, post: topic.firstPost.id, reply: reply.id, category, group: group.id, groupSlug: group.slug };
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await t.close();
  });

  it('is there for the members (the sweep below would prove nothing otherwise)', async () => {
    const found = await t.http().get(`/api/search?q=${CANARY}`).set(insider.auth).expect(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    const posts = await t.http().get(`/api/topics/${ids.topic}/posts`).set(insider.auth).expect(200);
    expect(JSON.stringify(posts.body)).toContain(CANARY);
  });

  it('never reaches an outsider or a visitor through any route', async () => {
    const urls = [
      '/api/categories',
      `/api/categories/${ids.category}`,
      `/api/categories/${ids.category}/topics`,
      '/api/topics',
      `/api/topics/${ids.topic}`,
      `/api/topics/${ids.topic}/posts`,
      `/api/posts/${ids.post}`,
      `/api/posts/${ids.reply}`,
      `/api/posts/${ids.post}/revisions`,
      '/api/groups',
      `/api/groups/${ids.groupSlug}`,
      `/api/groups/${ids.groupSlug}/members`,
      `/api/search?q=${CANARY}`,
      `/api/search?q=${CANARY}&groupId=${ids.group}`,
      `/api/search?q=${CANARY}&categoryId=${ids.category}`,
      `/api/search?q=about`,
      '/api/bookmarks',
      '/api/invitations',
      '/api/me',
      '/api/notifications',
      '/api/notifications?unread=true',
      '/api/notifications/unread-count',
      '/api/me/blocks',
    ];
    for (const who of [outsider, null]) {
      for (const url of urls) {
        const call = t.http().get(url);
        const response = await (who ? call.set(who.auth) : call);
        expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(CANARY) });
        expect(response.status).toBeLessThan(500);
      }
    }
    // Quoting the private post from a public topic is refused as if the post did not exist.
    const publicTopics = await t.http().get('/api/topics').set(outsider.auth).expect(200);
    const quote = await t
      .http()
      .post(`/api/topics/${publicTopics.body.items[0].id as string}/posts`)
      .set(outsider.auth)
      .send({ body: 'quoting', quotes: [ids.post] })
      .expect(400);
    expect(quote.text).not.toContain(CANARY);
  });

  it('never reaches an outsider through a profile: no post, count, group membership or completion', async () => {
    // The members see it on each other's profiles (so the sweep below would catch a leak).
    const seen = await t.http().get(`/api/users/${insider.user.username}`).set(owner.auth).expect(200);
    expect(seen.body.postCount).toBeGreaterThan(0);
    expect(seen.body.groups.map((g: { id: string }) => g.id)).toContain(ids.group);
    const theirPosts = await t.http().get(`/api/users/${insider.user.username}/posts`).set(owner.auth).expect(200);
    expect(JSON.stringify(theirPosts.body)).toContain(CANARY);
    for (const who of [outsider, null]) {
      for (const member of [insider, owner]) {
        for (const url of [`/api/users/${member.user.username}`, `/api/users/${member.user.username}/posts`]) {
          const call = t.http().get(url);
          const response = await (who ? call.set(who.auth) : call).expect(200);
          expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(CANARY) });
          expect({ url, text: response.text }).not.toEqual({ url, text: expect.stringContaining(ids.group) });
        }
        const profile = await (who
          ? t.http().get(`/api/users/${member.user.username}`).set(who.auth)
          : t.http().get(`/api/users/${member.user.username}`));
        expect([profile.body.postCount, profile.body.groups]).toEqual([0, []]);
      }
    }
    // Completion in the private topic is refused as if it did not exist, and elsewhere names no group.
    const prefix = insider.user.username.slice(0, 6);
    await t.http().get(`/api/users?prefix=${prefix}&topicId=${ids.topic}`).set(outsider.auth).expect(404);
    const found = await t.http().get(`/api/users?prefix=${prefix}`).set(outsider.auth).expect(200);
    expect(found.text).not.toContain(CANARY);
  });

  it('never reaches an outsider through their data export (mentioned there, blocking a member of it)', async () => {
    const response = await t
      .http()
      .post('/api/me/export')
      .set(outsider.auth)
      .send({ password: outsider.password })
      .responseType('blob')
      .expect(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(Object.keys(files)).toContain('profile.json');
    for (const [name, bytes] of Object.entries(files)) {
      expect({ name, text: strFromU8(bytes) }).not.toEqual({ name, text: expect.stringContaining(CANARY) });
    }
  });

  it('never reaches an outsider through sockets or mail', async () => {
    // The insider is told (in the app and by email) of the owner's reply: the sweep has something to find.
    const insiderMail = await t.smtp!.waitFor(insider.user.email);
    expect(insiderMail.text).toContain(CANARY);
    const unread = await t.http().get('/api/notifications/unread-count').set(outsider.auth).expect(200);
    expect(unread.body).toEqual({ count: 0 });
    const socket = await connectSocket(t.baseUrl, { token: outsider.token });
    sockets.push(socket);
    const heard: string[] = [];
    socket.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
    const ack = (await socket.timeout(5000).emitWithAck('topic:join', { topicId: ids.topic })) as unknown;
    expect(ack).toEqual({ ok: false, error: 'not_found' });
    await newReply(t, insider, ids.topic, `more ${CANARY}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard.join('\n')).not.toContain(CANARY);
    // Mail to anyone outside the group (the outsider, the address invited by email) carries nothing of it;
    // the emailed invitation names only the group.
    await t.smtp!.waitFor('someone@example.org');
    const members = [owner, insider].map((member) => member.user.email);
    for (const mail of t.smtp!.messages.filter((m) => !m.to.some((to) => members.includes(to)))) {
      expect(mail.to).not.toContain(outsider.user.email);
      expect(mail.text.split(`${CANARY} group`).join('')).not.toContain(CANARY);
    }
  });
});
