import type { PostDto, TopicDto, TopicNoticeDto, TopicPostsPageDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent } from '../support/sockets';

/** Topic surgery (api.md 1.1): split, merge and move, their notices, counts, read positions and races. */
describe('topic surgery', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let categoryId: string;
  let otherCategoryId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    alice = await newMember(t);
    bob = await newMember(t);
    categoryId = await newCategory(t, admin, 'Peer support');
    otherCategoryId = await newCategory(t, admin, 'Supply alerts');
  });
  afterAll(() => t.close());

  const topic = async (id: string, who: TestMember): Promise<TopicDto> =>
    (await t.http().get(`/api/topics/${id}`).set(who.auth).expect(200)).body as TopicDto;
  const posts = async (id: string, who?: TestMember): Promise<PostDto[]> => {
    const request = t.http().get(`/api/topics/${id}/posts?limit=100`);
    if (who) void request.set(who.auth);
    return ((await request.expect(200)).body as TopicPostsPageDto).items;
  };
  const notices = async (id: string, who?: TestMember): Promise<TopicNoticeDto[]> => {
    const request = t.http().get(`/api/topics/${id}/notices`);
    if (who) void request.set(who.auth);
    return ((await request.expect(200)).body as { items: TopicNoticeDto[] }).items;
  };
  const topicCount = async (id: string): Promise<number> =>
    ((await t.http().get(`/api/categories/${id}`).expect(200)).body as { topicCount: number }).topicCount;
  const logged = async (action: string, targetId: string): Promise<number> =>
    (await sql(t.databaseUrl, 'SELECT 1 FROM moderation_log WHERE action = $1 AND target_id = $2', [action, targetId])).length;

  it('splits posts with their replies into a new topic: renumbered, counted, read and followed as before, noticed and logged', async () => {
    const source = await newTopic(t, alice, categoryId, 'Opening words');
    const p2 = await newReply(t, bob, source.id, 'Second');
    const p3 = await newReply(t, alice, source.id, 'Third, off topic', p2.id);
    await newReply(t, bob, source.id, 'Fourth');
    const p5 = await newReply(t, bob, source.id, 'Fifth, answering the third', p3.id);
    await newReply(t, alice, source.id, 'Sixth');
    await t
      .http()
      .put(`/api/topics/${source.id}/read`)
      .set(admin.auth)
      .send({ postId: (await posts(source.id))[3]!.id })
      .expect(204);
    await t.http().put(`/api/topics/${source.id}/notification-level`).set(admin.auth).send({ level: 'watching' }).expect(204);
    // A notification about the fifth post, made the way the fan-out stores it: it must follow its post.
    await sql(t.databaseUrl, `INSERT INTO notifications (user_id, type, actor_id, topic_id, post_id) VALUES ($1, 'reply', $2, $3, $4)`, [
      alice.user.id,
      bob.user.id,
      source.id,
      p5.id,
    ]);
    const before = await topicCount(otherCategoryId);
    // A reader with the thread open hears that it changed, to load it again.
    const reader = await connectSocket(t.baseUrl, { token: bob.token });
    expect(await reader.timeout(5000).emitWithAck('topic:join', { topicId: source.id })).toEqual({ ok: true });
    const heard = nextEvent<{ topicId: string }>(reader, 'topic:rearranged');

    const response = await t
      .http()
      .post(`/api/topics/${source.id}/split`)
      .set(moderator.auth)
      .send({ postIds: [p3.id], title: 'The off-topic part', categoryId: otherCategoryId })
      .expect(201);
    const split = response.body as TopicDto;
    expect(await heard).toEqual({ topicId: source.id });
    reader.close();
    expect(split).toMatchObject({ title: 'The off-topic part', categoryId: otherCategoryId, postCount: 2, author: { id: alice.user.id } });
    const moved = await posts(split.id);
    expect(moved.map((post) => [post.number, post.body, post.parentId])).toEqual([
      [1, 'Third, off topic', null],
      [2, 'Fifth, answering the third', p3.id],
    ]);
    const stayed = await posts(source.id);
    expect(stayed.map((post) => [post.number, post.body])).toEqual([
      [1, 'Opening words'],
      [2, 'Second'],
      [3, 'Fourth'],
      [4, 'Sixth'],
    ]);
    expect((await topic(source.id, alice)).postCount).toBe(4);
    expect(await topicCount(otherCategoryId)).toBe(before + 1);
    // The admin had read up to the fourth post: the first, second and fourth stayed (3 read, 1 unread); the third moved (1 read of 2).
    expect(await topic(source.id, admin)).toMatchObject({ lastReadNumber: 3, unreadCount: 1 });
    expect(await topic(split.id, admin)).toMatchObject({ lastReadNumber: 1, unreadCount: 1, notificationLevel: 'watching' });
    const [note] = await sql<{ topic_id: string }>(t.databaseUrl, 'SELECT topic_id FROM notifications WHERE post_id = $1', [p5.id]);
    expect(note?.topic_id).toBe(split.id);
    expect(await notices(source.id)).toEqual([
      expect.objectContaining({ kind: 'split_to', postCount: 2, otherTopic: { id: split.id, title: 'The off-topic part' } }),
    ]);
    expect(await notices(split.id)).toEqual([
      expect.objectContaining({ kind: 'split_from', postCount: 2, otherTopic: { id: source.id, title: source.title } }),
    ]);
    expect(await logged('topic.split', source.id)).toBe(1);
  });

  it('refuses a split naming the first post, another topic’s post or nothing, naming the field; members may not split', async () => {
    const source = await newTopic(t, alice, categoryId);
    const reply = await newReply(t, bob, source.id);
    const elsewhere = await newReply(t, bob, (await newTopic(t, bob, categoryId)).id);
    const split = (body: object, who = moderator) => t.http().post(`/api/topics/${source.id}/split`).set(who.auth).send(body);
    for (const body of [
      { postIds: [source.firstPost.id], title: 'A title' },
      { postIds: [elsewhere.id], title: 'A title' },
      { postIds: [], title: 'A title' },
      { postIds: ['nope'], title: 'A title' },
      { postIds: [reply.id] },
      { postIds: [reply.id], title: 'A title', categoryId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const answer = await split(body).expect(400);
      expect(JSON.stringify(answer.body.message)).toMatch(/postIds|title|categoryId/);
    }
    await split({ postIds: [reply.id], title: 'A title' }, alice).expect(403);
    expect((await posts(source.id)).length).toBe(2);
  });

  it('lets a group’s moderator split in its space, not into a space they do not moderate', async () => {
    const owner = await newMember(t);
    const groupModerator = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, groupModerator, 'moderator');
    const space = await newGroupCategory(t, owner, group);
    const source = await newTopic(t, owner, space);
    const reply = await newReply(t, owner, source.id);
    const split = (extra: object) =>
      t
        .http()
        .post(`/api/topics/${source.id}/split`)
        .set(groupModerator.auth)
        .send({ postIds: [reply.id], title: 'Split by the group', ...extra });
    await split({ categoryId }).expect(403);
    await t
      .http()
      .post(`/api/topics/${source.id}/split`)
      .set(moderator.auth)
      .send({ postIds: [reply.id], title: 'Nope' })
      .expect(404);
    expect(((await split({}).expect(201)).body as TopicDto).categoryId).toBe(space);
  });

  it('merges a topic into another in order of writing: the old one answers 301, read positions, counts and notices follow', async () => {
    const into = await newTopic(t, bob, categoryId, 'Into, first');
    const from = await newTopic(t, alice, otherCategoryId, 'From, first');
    await newReply(t, alice, from.id, 'From, second');
    await newReply(t, bob, into.id, 'Into, second');
    await t
      .http()
      .put(`/api/topics/${from.id}/read`)
      .set(admin.auth)
      .send({ postId: (await posts(from.id))[1]!.id })
      .expect(204);
    await t.http().put(`/api/topics/${into.id}/read`).set(admin.auth).send({ postId: into.firstPost.id }).expect(204);
    const [inOther, inCategory] = [await topicCount(otherCategoryId), await topicCount(categoryId)];
    await t.http().put(`/api/drafts/topic:${from.id}`).set(bob.auth).send({ body: 'Half a thought' }).expect(204);
    await t.http().post('/api/flags').set(bob.auth).send({ targetType: 'topic', targetId: from.id, reason: 'spam' }).expect(201);

    await t.http().post(`/api/topics/${from.id}/merge`).set(moderator.auth).send({ intoTopicId: into.id }).expect(204);
    expect((await posts(into.id)).map((post) => [post.number, post.body])).toEqual([
      [1, 'Into, first'],
      [2, 'From, first'],
      [3, 'From, second'],
      [4, 'Into, second'],
    ]);
    const redirect = await t.http().get(`/api/topics/${from.id}`).redirects(0).expect(301);
    expect(redirect.headers.location).toBe(`/api/topics/${into.id}`);
    await t.http().get(`/api/topics/${from.id}/posts`).expect(404);
    // The admin had read all of one and the first post of the other: the first three in a row are read.
    expect(await topic(into.id, admin)).toMatchObject({ postCount: 4, lastReadNumber: 3, unreadCount: 1 });
    expect([await topicCount(otherCategoryId), await topicCount(categoryId)]).toEqual([inOther - 1, inCategory]);
    expect(await notices(into.id)).toEqual([
      expect.objectContaining({ kind: 'merged_from', postCount: 2, otherTopic: { id: null, title: from.title } }),
    ]);
    expect(await logged('topic.merge', into.id)).toBe(1);
    // The report about the merged-away topic now concerns the topic that took its posts.
    const reported = await sql<{ target_id: string }>(
      t.databaseUrl,
      `SELECT target_id FROM review_items WHERE target_type = 'topic' AND target_id IN ($1, $2)`,
      [from.id, into.id],
    );
    expect(reported).toEqual([{ target_id: into.id }]);
    expect((await t.http().get(`/api/drafts/topic:${into.id}`).set(bob.auth).expect(200)).body).toMatchObject({ body: 'Half a thought' });

    // Merged again: the first redirect follows to the newest home.
    const last = await newTopic(t, bob, categoryId);
    await t.http().post(`/api/topics/${into.id}/merge`).set(admin.auth).send({ intoTopicId: last.id }).expect(204);
    expect((await t.http().get(`/api/topics/${from.id}`).redirects(0).expect(301)).headers.location).toBe(`/api/topics/${last.id}`);
    expect((await notices(last.id)).map((notice) => notice.kind)).toEqual(['merged_from', 'merged_from']);
  });

  it('keeps a merge into a private topic private: 404 to those who may not see it, 400 for an unseen target', async () => {
    const privateCategory = await newPrivateCategory(t);
    const hidden = await newTopic(t, admin, privateCategory);
    const open = await newTopic(t, alice, categoryId);
    await t.http().post(`/api/topics/${open.id}/merge`).set(moderator.auth).send({ intoTopicId: hidden.id }).expect(400);
    await t.http().post(`/api/topics/${open.id}/merge`).set(moderator.auth).send({ intoTopicId: open.id }).expect(400);
    await t.http().post(`/api/topics/${open.id}/merge`).set(admin.auth).send({ intoTopicId: hidden.id }).expect(204);
    const missing = await t.http().get('/api/topics/00000000-0000-4000-8000-000000000000').expect(404);
    for (const who of [undefined, alice, moderator]) {
      const request = t.http().get(`/api/topics/${open.id}`).redirects(0);
      if (who) void request.set(who.auth);
      const answer = await request.expect(404);
      expect(answer.body).toEqual(missing.body);
    }
    await t.http().get(`/api/topics/${open.id}`).set(admin.auth).redirects(0).expect(301);

    // Posts split into a private space: the public thread says only that they went to another topic.
    const source = await newTopic(t, alice, categoryId);
    const reply = await newReply(t, bob, source.id, 'Private matter');
    const secret = (
      await t
        .http()
        .post(`/api/topics/${source.id}/split`)
        .set(admin.auth)
        .send({ postIds: [reply.id], title: 'Secret title', categoryId: privateCategory })
        .expect(201)
    ).body as TopicDto;
    for (const who of [undefined, alice, moderator]) {
      expect(await notices(source.id, who)).toEqual([expect.objectContaining({ kind: 'split_to', postCount: 1, otherTopic: null })]);
    }
    expect((await notices(source.id, admin))[0]?.otherTopic).toEqual({ id: secret.id, title: 'Secret title' });
  });

  it('notes a move in the thread, naming the former space only to those who may see it', async () => {
    const privateCategory = await newPrivateCategory(t, 'Staff room');
    const moving = await newTopic(t, admin, privateCategory);
    await t.http().patch(`/api/topics/${moving.id}`).set(admin.auth).send({ categoryId }).expect(200);
    expect(await notices(moving.id, admin)).toEqual([
      expect.objectContaining({ kind: 'moved', fromCategory: { id: privateCategory, name: 'Staff room' } }),
    ]);
    expect(await notices(moving.id)).toEqual([expect.objectContaining({ kind: 'moved', fromCategory: null })]);
    expect(await logged('topic.move', moving.id)).toBe(1);
  });

  it('serialises surgeries that race: one merge of a topic wins, replies to a post split away are refused, counts stay exact', async () => {
    const from = await newTopic(t, alice, otherCategoryId);
    const [a, b] = [await newTopic(t, bob, categoryId), await newTopic(t, bob, categoryId)];
    const count = await topicCount(otherCategoryId);
    const answers = await Promise.all(
      [a, b].map((into) => t.http().post(`/api/topics/${from.id}/merge`).set(moderator.auth).send({ intoTopicId: into.id })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
    expect(await topicCount(otherCategoryId)).toBe(count - 1);
    const postCounts = [(await topic(a.id, bob)).postCount, (await topic(b.id, bob)).postCount].sort();
    expect(postCounts).toEqual([1, 2]);

    const source = await newTopic(t, alice, categoryId);
    const target = await newReply(t, bob, source.id);
    const [splitAnswer, replyAnswer] = await Promise.all([
      t
        .http()
        .post(`/api/topics/${source.id}/split`)
        .set(moderator.auth)
        .send({ postIds: [target.id], title: 'Raced away' }),
      t.http().post(`/api/topics/${source.id}/posts`).set(alice.auth).send({ body: 'Answering it', parentId: target.id }),
    ]);
    expect(splitAnswer.status).toBe(201);
    // Either the reply came first (and moved with its parent) or it was refused: never a reply to a post elsewhere.
    if (replyAnswer.status === 201)
      expect((await posts((splitAnswer.body as TopicDto).id)).map((post) => post.body)).toContain('Answering it');
    else expect(replyAnswer.status).toBe(409);
    for (const post of await posts(source.id)) expect(post.parentId === null || post.parentId === source.firstPost.id).toBe(true);
    // A reply sent after the split, from a page that still shows the post, gets the same 409 (it once got a 400
    // when the split landed before the reply's first check: the race above can end either way).
    await t.http().post(`/api/topics/${source.id}/posts`).set(alice.auth).send({ body: 'Late answer', parentId: target.id }).expect(409);
    // A post that was never in the topic is still a wrong parentId.
    const elsewhere = await newTopic(t, alice, categoryId);
    await t
      .http()
      .post(`/api/topics/${source.id}/posts`)
      .set(alice.auth)
      .send({ body: 'Wrong place', parentId: elsewhere.firstPost.id })
      .expect(400);
  });
});
