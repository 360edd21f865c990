import type { Socket } from 'socket.io-client';
import type { CategoryDto, NotificationDto, PostDto, TopicDto, TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEventWhere } from '../support/sockets';

/**
 * Support desks (`topicsVisibleTo: author`, issue 20): each member sees only the topics they started, the space's
 * staff see all, and anyone else meets the 404 of a missing topic and finds it on no read path — lists of every
 * kind, counts, search, profiles, bookmarks, drafts, read positions, quotes, notifications, mail and sockets.
 */
describe('support desks', () => {
  const WORD = `deskword${Math.random().toString(36).slice(2, 8)}`;
  let t: TestApp;
  let admin: TestMember;
  let siteModerator: TestMember;
  let memberA: TestMember;
  let memberB: TestMember;
  let owner: TestMember;
  let groupModerator: TestMember;
  let outsider: TestMember;
  /** A site desk and a group's desk, a public category, and each desk's topics by A and B. */
  let siteDesk: string;
  let groupDesk: string;
  let open: string;
  let topicA: TopicWithFirstPostDto;
  let groupTopicA: TopicWithFirstPostDto;
  let topicB: TopicWithFirstPostDto;
  let staffReply: PostDto;
  const sockets: Socket[] = [];
  const get = (url: string, who: TestMember | null) => (who ? t.http().get(url).set(who.auth) : t.http().get(url));
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    [siteModerator, memberA, memberB, owner, groupModerator, outsider] = await Promise.all([
      newMember(t, { role: 'moderator' }),
      newMember(t, { username: `desk_a_${WORD.slice(-6)}` }),
      newMember(t, { username: `desk_b_${WORD.slice(-6)}` }),
      newMember(t),
      newMember(t),
      newMember(t),
    ]);
    siteDesk = await newCategory(t, admin, 'Ask the nurse');
    await t.http().patch(`/api/categories/${siteDesk}`).set(admin.auth).send({ topicsVisibleTo: 'author' }).expect(200);
    open = await newCategory(t, admin, 'Open talk');
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, memberA);
    await addToGroup(t, group, owner, memberB);
    await addToGroup(t, group, owner, groupModerator, 'moderator');
    groupDesk = await newGroupCategory(t, owner, group, { topicsVisibleTo: 'author' });
    // B watches both desks and the open category: a desk must not tell B of A's topics.
    for (const category of [siteDesk, groupDesk, open])
      await t.http().put(`/api/categories/${category}/notification-level`).set(memberB.auth).send({ level: 'watching' }).expect(204);
    await t.http().put(`/api/categories/${siteDesk}/notification-level`).set(siteModerator.auth).send({ level: 'watching' }).expect(204);
    topicA = await newTopic(t, memberA, siteDesk, `${WORD} question from A, @${memberB.user.username}`);
    groupTopicA = await newTopic(t, memberA, groupDesk, `${WORD} group question from A`);
    topicB = await newTopic(t, memberB, siteDesk, 'question from B');
    staffReply = await newReply(t, siteModerator, topicA.id, `${WORD} answer from the nurse`);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  it('shows a desk topic to its author and the space’s staff, and to anyone else the very 404 of a missing topic', async () => {
    const gone = await get(`/api/topics/${missing}`, memberB).expect(404);
    const seers = { site: [memberA, siteModerator, admin], group: [memberA, groupModerator, owner, admin] };
    const others = { site: [memberB, outsider, owner, null], group: [memberB, siteModerator, outsider, null] };
    for (const [kind, topic] of [
      ['site', topicA],
      ['group', groupTopicA],
    ] as const) {
      for (const who of seers[kind]) {
        const seen = await get(`/api/topics/${topic.id}/posts`, who).expect(200);
        expect(seen.text).toContain(WORD);
      }
      for (const who of others[kind]) {
        for (const url of [`/api/topics/${topic.id}`, `/api/topics/${topic.id}/posts`, `/api/topics/${topic.id}/notices`]) {
          const response = await get(url, who);
          expect({ url, who: who?.user.username, status: response.status, body: response.body }).toEqual({
            url,
            who: who?.user.username,
            status: 404,
            body: gone.body,
          });
        }
        for (const url of [`/api/posts/${topic.firstPost.id}`, `/api/posts/${topic.firstPost.id}/revisions`])
          expect({ url, status: (await get(url, who)).status }).toEqual({ url, status: 404 });
      }
    }
    // The staff's reply in A's topic is A's to read, with the rest of it.
    const thread = await get(`/api/topics/${topicA.id}/posts`, memberA).expect(200);
    expect((thread.body.items as PostDto[]).map((post) => post.id)).toContain(staffReply.id);
    await get(`/api/posts/${staffReply.id}`, memberB).expect(404);
    // B's own topic stays B's: A may not read it either.
    await get(`/api/topics/${topicB.id}`, memberA).expect(404);
    await get(`/api/topics/${topicB.id}`, memberB).expect(200);
  });

  it('leaves it out of every list and count of those who may not see it', async () => {
    const lists = (category: string) => [
      `/api/categories/${category}/topics`,
      `/api/categories/${category}/topics?filter=new`,
      `/api/categories/${category}/topics?filter=unread`,
      `/api/categories/${category}/topics?filter=top&period=day`,
      '/api/topics',
      '/api/topics?filter=new',
      '/api/topics?filter=unread',
      '/api/topics?filter=top&period=day',
    ];
    const listed = async (url: string, who: TestMember | null): Promise<string[]> => {
      const response = await get(url, who);
      if (who === null && /filter=(new|unread)/.test(url)) return []; // a visitor has none: 401
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      return (response.body.items as TopicDto[]).map((topic) => topic.id);
    };
    for (const url of lists(siteDesk)) {
      expect({ url, ids: await listed(url, memberB) }).not.toEqual({ url, ids: expect.arrayContaining([topicA.id]) });
      expect({ url, ids: await listed(url, outsider) }).not.toEqual({ url, ids: expect.arrayContaining([topicA.id]) });
      expect({ url, ids: await listed(url, null) }).not.toEqual({ url, ids: expect.arrayContaining([topicA.id]) });
    }
    for (const url of lists(groupDesk))
      expect({ url, ids: await listed(url, memberB) }).not.toEqual({ url, ids: expect.arrayContaining([groupTopicA.id]) });
    // Its author and the staff find it where it belongs.
    expect(await listed(`/api/categories/${siteDesk}/topics`, memberA)).toEqual([topicA.id]);
    expect((await listed(`/api/categories/${siteDesk}/topics`, siteModerator)).sort()).toEqual([topicA.id, topicB.id].sort());
    expect(await listed(`/api/categories/${groupDesk}/topics`, groupModerator)).toEqual([groupTopicA.id]);
    expect(await listed('/api/topics?filter=top&period=day', memberA)).toEqual(expect.arrayContaining([topicA.id, groupTopicA.id]));

    // A desk counts each caller's own topics (its staff count all); the home page's figures are these.
    const count = async (who: TestMember | null, id: string) =>
      ((await get('/api/categories', who).expect(200)).body.items as CategoryDto[]).find((c) => c.id === id)?.topicCount;
    expect([await count(memberA, siteDesk), await count(memberB, siteDesk), await count(outsider, siteDesk)]).toEqual([1, 1, 0]);
    expect([await count(null, siteDesk), await count(siteModerator, siteDesk), await count(admin, siteDesk)]).toEqual([0, 2, 2]);
    expect([await count(memberB, groupDesk), await count(groupModerator, groupDesk)]).toEqual([0, 1]);
    expect((await get(`/api/categories/${siteDesk}`, memberB).expect(200)).body.topicCount).toBe(1);
  });

  it('finds it in search, on profiles and in @-completion for its author and staff only', async () => {
    const hits = async (who: TestMember | null) => (await get(`/api/search?q=${WORD}`, who).expect(200)).body.items.length as number;
    expect(await hits(memberA)).toBeGreaterThan(0);
    expect(await hits(siteModerator)).toBeGreaterThan(0);
    // The group's owner is staff of its desk: A's question there is theirs to find, the site desk's is not.
    expect(await hits(owner)).toBe(1);
    for (const who of [memberB, outsider, null])
      expect({ who: who?.user.username, hits: await hits(who) }).toEqual({ who: who?.user.username, hits: 0 });
    await get(`/api/search?q=${WORD}&categoryId=${siteDesk}`, memberB).expect(200, { items: [], nextCursor: null });

    const profile = async (member: TestMember, who: TestMember | null) => {
      const shown = await get(`/api/users/${member.user.username}`, who).expect(200);
      const posts = await get(`/api/users/${member.user.username}/posts`, who).expect(200);
      return { postCount: shown.body.postCount as number, mentions: posts.text.includes(WORD) };
    };
    expect(await profile(memberA, memberA)).toEqual({ postCount: 2, mentions: true });
    expect(await profile(memberA, groupModerator)).toEqual({ postCount: 1, mentions: true });
    for (const who of [memberB, outsider, null]) expect(await profile(memberA, who)).toEqual({ postCount: 0, mentions: false });
    // The nurse's answer lives in A's topic: nobody else learns of it from the nurse's profile either.
    expect(await profile(siteModerator, memberB)).toEqual({ postCount: 0, mentions: false });
    expect(await profile(siteModerator, memberA)).toEqual({ postCount: 1, mentions: true });
    // @-completion in A's question offers no member who could not read the mention (elsewhere it offers B).
    expect((await get('/api/users?prefix=desk_b', memberA).expect(200)).text).toContain(memberB.user.username);
    expect((await get(`/api/users?prefix=desk_b&topicId=${topicA.id}`, memberA).expect(200)).text).not.toContain(memberB.user.username);
  });

  it('refuses bookmarks, drafts, read positions, reactions, replies and quotes on it as on a missing post', async () => {
    const post = topicA.firstPost.id;
    await t.http().put(`/api/posts/${post}/bookmark`).set(memberB.auth).expect(404);
    await t
      .http()
      .put(`/api/posts/${post}/reactions/${encodeURIComponent('❤️')}`)
      .set(memberB.auth)
      .expect(404);
    await t.http().put(`/api/drafts/topic:${topicA.id}`).set(memberB.auth).send({ body: 'draft' }).expect(404);
    await t.http().put(`/api/topics/${topicA.id}/read`).set(memberB.auth).send({ postId: post }).expect(404);
    await t.http().put(`/api/topics/${topicA.id}/notification-level`).set(memberB.auth).send({ level: 'watching' }).expect(404);
    await t.http().post(`/api/topics/${topicA.id}/posts`).set(memberB.auth).send({ body: 'me too' }).expect(404);
    const quote = await t
      .http()
      .post(`/api/topics/${topicB.id}/posts`)
      .set(memberB.auth)
      .send({ body: 'quoting', quotes: [post] });
    expect(quote.status).toBe(400);
    expect(quote.text).not.toContain(WORD);
    // Its author may: a bookmark of their own desk topic is listed for them alone.
    await t.http().put(`/api/posts/${staffReply.id}/bookmark`).set(memberA.auth).expect(204);
    expect((await get('/api/bookmarks', memberA).expect(200)).text).toContain(WORD);
  });

  it('tells only its author and staff of it: no watching, mention, email or reply reaches another member', async () => {
    // The last of the planting B is told of, and the staff's: after them, anything about A's topics would be there too.
    const sentinel = await newTopic(t, admin, open, 'sentinel for B');
    const notifications = async (who: TestMember, topicId: string): Promise<NotificationDto[]> => {
      for (const deadline = Date.now() + 5000; ;) {
        const items = (await get('/api/notifications', who).expect(200)).body.items as NotificationDto[];
        if (items.some((n) => n.topicId === topicId) || Date.now() > deadline) return items;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const ofB = await notifications(memberB, sentinel.id);
    expect(ofB.some((n) => n.topicId === sentinel.id)).toBe(true);
    expect(JSON.stringify(ofB)).not.toContain(topicA.id);
    expect(JSON.stringify(ofB)).not.toContain(groupTopicA.id);
    expect(JSON.stringify(ofB)).not.toContain(WORD);
    // The staff watching the desk hear of A's topic; A hears of the nurse's reply.
    expect((await notifications(siteModerator, topicA.id)).some((n) => n.topicId === topicA.id)).toBe(true);
    expect((await notifications(memberA, topicA.id)).some((n) => n.type === 'reply')).toBe(true);
    // Mail: A is emailed the answer; B only of the sentinel, never a word of A's.
    for (const deadline = Date.now() + 15000; !t.smtp!.messages.some((m) => m.to.includes(memberA.user.email) && m.text.includes(WORD));) {
      if (Date.now() > deadline) throw new Error('A was not emailed the answer');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await t.smtp!.waitFor(memberB.user.email);
    await queuesIdle(t, ['notifications.email', 'mail.send']);
    for (const mail of t.smtp!.messages.filter((m) => m.to.includes(memberB.user.email.toLowerCase())))
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(WORD);
  });

  it('keeps its socket room to its author and staff, and a topic moved into a desk leaves the others’ rooms at once', async () => {
    const join = (socket: Socket, topicId: string) => socket.timeout(5000).emitWithAck('topic:join', { topicId });
    const connect = async (who: TestMember) => {
      const socket = await connectSocket(t.baseUrl, { token: who.token });
      sockets.push(socket);
      return socket;
    };
    const [socketA, socketB, socketStaff] = [await connect(memberA), await connect(memberB), await connect(siteModerator)];
    expect(await join(socketB, topicA.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await join(socketA, topicA.id)).toEqual({ ok: true });
    expect(await join(socketStaff, topicA.id)).toEqual({ ok: true });

    // A public question by A, read live by B (who bookmarked it), then moved into the desk by the staff.
    const moving = await newTopic(t, memberA, open, `${WORD} asked in the open`);
    await t.http().put(`/api/posts/${moving.firstPost.id}/bookmark`).set(memberB.auth).expect(204);
    expect(await join(socketB, moving.id)).toEqual({ ok: true });
    expect(await join(socketA, moving.id)).toEqual({ ok: true });
    const closed = nextEventWhere<{ topicId: string }>(socketB, 'topic:closed', (event) => event.topicId === moving.id);
    await t.http().patch(`/api/topics/${moving.id}`).set(siteModerator.auth).send({ categoryId: siteDesk }).expect(200);
    await closed;
    // What B hears from the move on. (Listening from before it, B once heard the question's own post:created, sent
    // late by a busy CI machine while the topic was still open to B: no leak, but it carried the word.)
    const heardByB: string[] = [];
    socketB.onAny((event: string, payload: unknown) => heardByB.push(`${event} ${JSON.stringify(payload)}`));
    const reply = nextEventWhere<PostDto>(socketA, 'post:created', (post) => post.topicId === moving.id);
    await newReply(t, siteModerator, moving.id, `${WORD} answered privately now`);
    await reply;
    const elsewhere = nextEventWhere<PostDto>(socketB, 'post:created', (post) => post.topicId === topicB.id);
    expect(await join(socketB, topicB.id)).toEqual({ ok: true });
    await newReply(t, siteModerator, topicB.id, 'for B');
    await elsewhere; // B's own room hears the next reply: one in the moved topic would have arrived before it
    expect(heardByB.join('\n')).not.toContain(WORD);
    expect(await join(socketB, moving.id)).toEqual({ ok: false, error: 'not_found' });
    await get(`/api/topics/${moving.id}`, memberB).expect(404);
    expect((await get('/api/bookmarks', memberB).expect(200)).text).not.toContain(moving.firstPost.id);
    await get(`/api/topics/${moving.id}`, memberA).expect(200);
  });

  it('closes the rooms of others’ topics at once when a category becomes a desk', async () => {
    const category = await newCategory(t, admin, 'Legal questions');
    const question = await newTopic(t, memberA, category, `${WORD} legal question`);
    const socket = await connectSocket(t.baseUrl, { token: memberB.token });
    sockets.push(socket);
    expect(await socket.timeout(5000).emitWithAck('topic:join', { topicId: question.id })).toEqual({ ok: true });
    const closed = nextEventWhere<{ topicId: string }>(socket, 'topic:closed', (event) => event.topicId === question.id);
    await t.http().patch(`/api/categories/${category}`).set(admin.auth).send({ topicsVisibleTo: 'author' }).expect(200);
    await closed;
    await get(`/api/topics/${question.id}`, memberB).expect(404);
    await get(`/api/topics/${question.id}`, memberA).expect(200);
  });

  it('gives a topic split into a desk to the author of its first post, hides it from the rest, and its title once merged back', async () => {
    const source = await newTopic(t, memberB, open, 'a public thread');
    const fromA = await newReply(t, memberA, source.id, `${WORD} private matter`);
    const split = await t
      .http()
      .post(`/api/topics/${source.id}/split`)
      .set(siteModerator.auth)
      .send({ postIds: [fromA.id], title: 'A private matter', categoryId: siteDesk })
      .expect(201);
    const created = split.body as TopicDto;
    expect(created.author?.id).toBe(memberA.user.id);
    await get(`/api/topics/${created.id}`, memberA).expect(200);
    await get(`/api/topics/${created.id}`, memberB).expect(404);
    // The source's notice names the new topic only to those who may see it.
    expect((await get(`/api/topics/${source.id}/notices`, memberB).expect(200)).text).not.toContain('A private matter');
    expect((await get(`/api/topics/${source.id}/notices`, memberA).expect(200)).text).toContain('A private matter');
    // Merged back into the open, its posts are everyone's again, but the desk topic's title stays with the staff.
    await t.http().post(`/api/topics/${created.id}/merge`).set(siteModerator.auth).send({ intoTopicId: source.id }).expect(204);
    expect((await get(`/api/topics/${source.id}/posts`, memberB).expect(200)).text).toContain(WORD);
    expect((await get(`/api/topics/${source.id}/notices`, memberB).expect(200)).text).not.toContain('A private matter');
    expect((await get(`/api/topics/${source.id}/notices`, siteModerator).expect(200)).text).toContain('A private matter');
  });
});
