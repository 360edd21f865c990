import type { NotificationDto, PageDto, RevisionDto, SanctionDto, TopicDto, WatchedWordDto } from '@harbour/contracts';
import type { TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { inDays, logOf, moderationNotices, moderationStage, queue } from '../support/moderation';

/** `who`'s notifications of one type (and outcome), once there are `expected` (or after five seconds). */
async function noticesOf(
  t: TestApp,
  who: TestMember,
  type: NotificationDto['type'],
  expected: number,
  outcome?: string,
): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const page = (await t.http().get('/api/notifications').set(who.auth).expect(200)).body as PageDto<NotificationDto>;
    const items = page.items.filter((item) => item.type === type && (!outcome || item.data.outcome === outcome));
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Moderation 1.1 (api.md): queue actions, `respond` words, the log's labels and filters, sanctions, appeals, staff notices. */
describe('moderation 1.1 and members under sanction', () => {
  let t: TestApp, admin: TestMember, moderator: TestMember, category: string;
  beforeAll(async () => ({ t, admin, moderator, category } = await moderationStage()));
  afterAll(() => t.close());

  const report = async (who: TestMember, targetType: 'post' | 'topic', targetId: string) =>
    (await t.http().post('/api/flags').set(who.auth).send({ targetType, targetId, reason: 'other' }).expect(201)).body as { id: string };
  const resolve = (who: TestMember, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/moderation/flags/${id}/resolve`).set(who.auth).send(body);

  it('edits, locks and moves from the queue: each closes the item, changes the topic and is logged; wrong fields are 400s', async () => {
    const author = await newMember(t);
    const reporter = await newMember(t);
    const topic = await newTopic(t, author, category);
    const reply = await newReply(t, author, topic.id, 'My phone number is 555 0100');
    const flag = await report(reporter, 'post', reply.id);
    const bad = await resolve(moderator, flag.id, { action: 'edit' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('body');
    await resolve(moderator, flag.id, { action: 'lock', body: 'x' }).expect(400);
    await resolve(moderator, flag.id, { action: 'edit', body: 'Nul \u0000 byte' }).expect(400);
    await resolve(moderator, flag.id, { action: 'edit', body: null }).expect(400);
    await resolve(moderator, flag.id, { action: 'move', categoryId: null }).expect(400);
    await resolve(moderator, flag.id, { action: 'edit', body: 'Call me (number removed by a moderator)' }).expect(204);
    expect((await queue(t, moderator)).some((item) => item.id === flag.id || item.target.id === reply.id)).toBe(false);
    const post = (await t.http().get(`/api/posts/${reply.id}`).set(reporter.auth).expect(200)).body as { body: string };
    expect(post.body).toBe('Call me (number removed by a moderator)');
    // The author sees that a moderator edited, not which one; staff see who.
    const asAuthor = (await t.http().get(`/api/posts/${reply.id}/revisions`).set(author.auth).expect(200)).body.items as RevisionDto[];
    expect(asAuthor[0]).toMatchObject({ body: 'My phone number is 555 0100', editedBy: 'moderator', editorId: null });
    const asStaff = (await t.http().get(`/api/posts/${reply.id}/revisions`).set(admin.auth).expect(200)).body.items as RevisionDto[];
    expect(asStaff[0]).toMatchObject({ editedBy: 'moderator', editorId: moderator.user.id });
    const [told] = await moderationNotices(t, author, 1);
    expect(told).toMatchObject({ postId: reply.id, data: { outcome: 'post_edit' }, actor: null });

    const lockFlag = await report(reporter, 'topic', topic.id);
    await resolve(moderator, lockFlag.id, { action: 'lock' }).expect(204);
    expect(((await t.http().get(`/api/topics/${topic.id}`).set(author.auth).expect(200)).body as TopicDto).locked).toBe(true);
    await t.http().post(`/api/topics/${topic.id}/posts`).set(author.auth).send({ body: 'Still here' }).expect(422);

    const elsewhere = await newCategory(t, admin);
    const owner = await newMember(t);
    const group = await newGroup(t, owner);
    const groupSpace = await newGroupCategory(t, owner, group);
    const moveFlag = await report(reporter, 'topic', topic.id);
    await resolve(moderator, moveFlag.id, { action: 'move' }).expect(400);
    // A space the site moderator does not moderate (nor see): refused as the body's fault, nothing closes.
    const refused = await resolve(moderator, moveFlag.id, { action: 'move', categoryId: groupSpace }).expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('categoryId');
    await resolve(moderator, moveFlag.id, { action: 'move', categoryId: elsewhere }).expect(204);
    expect(((await t.http().get(`/api/topics/${topic.id}`).set(author.auth).expect(200)).body as TopicDto).categoryId).toBe(elsewhere);
    const actions = (await logOf(t, moderator, `?limit=20`)).filter((entry) => [reply.id, topic.id].includes(entry.targetId ?? ''));
    expect(actions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['flag.edit', 'flag.lock', 'topic.lock', 'flag.move', 'topic.move']),
    );
    // Each entry names its topic as the reader may see it.
    expect(actions.every((entry) => entry.target.label === topic.title)).toBe(true);
  });

  it('a respond word publishes the post and sends its author alone the notice, in their language', async () => {
    const bad = await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'overdose', action: 'respond' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('response');
    await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'spamword', action: 'block', response: 'x' }).expect(400);
    const added = (
      await t
        .http()
        .post('/api/admin/watched-words')
        .set(admin.auth)
        .send({
          word: 'overdose',
          action: 'respond',
          response: 'Crisis line: 1-800-555-0199\nNaloxone: any pharmacy',
          responseFr: 'Ligne de crise : 1-800-555-0199\nNaloxone : toute pharmacie',
        })
        .expect(201)
    ).body as WatchedWordDto;
    expect(added).toMatchObject({ action: 'respond', responseFr: expect.stringContaining('Ligne de crise') });
    const writer = await newMember(t);
    await sql(t.databaseUrl, `UPDATE users SET locale = 'fr' WHERE id = $1`, [writer.user.id]);
    const reader = await newMember(t);
    const topic = await newTopic(t, writer, category, 'I am scared of an Overdose tonight');
    // Published: others read it at once.
    await t.http().get(`/api/topics/${topic.id}`).set(reader.auth).expect(200);
    const [notice] = await moderationNotices(t, writer, 1);
    expect(notice).toMatchObject({
      topicId: topic.id,
      actor: null,
      data: { outcome: 'watched_word_response', response: 'Ligne de crise : 1-800-555-0199\nNaloxone : toute pharmacie' },
    });
    const english = await newMember(t);
    await newReply(t, english, topic.id, 'an overdose can be reversed');
    const [reply] = await moderationNotices(t, english, 1);
    expect(reply?.data.response).toBe('Crisis line: 1-800-555-0199\nNaloxone: any pharmacy');
    expect(await moderationNotices(t, reader, 0)).toEqual([]);
  });

  it('the log names members and filters by moderator, member and action; hostile filters are 400s', async () => {
    const member = await newMember(t);
    const topic = await newTopic(t, member, category);
    await t
      .http()
      .post(`/api/moderation/users/${member.user.id}/sanctions`)
      .set(moderator.auth)
      .send({ type: 'warn', reason: 'Be kind' })
      .expect(201);
    await t.http().patch(`/api/topics/${topic.id}`).set(admin.auth).send({ pinned: true }).expect(200);
    const about = await logOf(t, moderator, `?memberId=${member.user.id}`);
    expect(about.map((entry) => [entry.action, entry.target.label])).toEqual([
      ['topic.pin', topic.title],
      ['sanction.warn', member.user.username],
    ]);
    expect((await logOf(t, moderator, `?memberId=${member.user.id}&actorId=${admin.user.id}`)).map((entry) => entry.action)).toEqual([
      'topic.pin',
    ]);
    expect((await logOf(t, moderator, `?memberId=${member.user.id}&action=sanction`)).map((entry) => entry.action)).toEqual([
      'sanction.warn',
    ]);
    await t.http().get('/api/moderation/log?memberId=nope').set(moderator.auth).expect(400);
    await t.http().get('/api/moderation/log?memberId=').set(moderator.auth).expect(400);
  });

  it("sanctions a post's author without naming them; only those who moderate the space and may sanction", async () => {
    const author = await newMember(t);
    const member = await newMember(t);
    const topic = await newTopic(t, author, category);
    const route = `/api/moderation/posts/${topic.firstPost.id}/sanctions`;
    const body = { type: 'silence', reason: 'Cool down', until: inDays(2) };
    await t.http().post(route).set(member.auth).send(body).expect(403);
    await t.http().post('/api/moderation/posts/00000000-0000-4000-8000-000000000000/sanctions').set(moderator.auth).send(body).expect(404);
    await t
      .http()
      .post(route)
      .set(moderator.auth)
      .send({ ...body, until: undefined })
      .expect(400);
    const answer = await t.http().post(route).set(moderator.auth).send(body).expect(201);
    expect(Object.keys(answer.body as object)).toEqual(['id']);
    const mine = (await t.http().get('/api/me/sanctions').set(author.auth).expect(200)).body as { items: SanctionDto[] };
    expect(mine.items[0]).toMatchObject({ id: (answer.body as { id: string }).id, type: 'silence', reason: 'Cool down' });
    await t.http().post(`/api/topics/${topic.id}/posts`).set(author.auth).send({ body: 'Silenced?' }).expect(403);
    // A group's moderator moderates the space but sanctions nobody site-wide.
    const owner = await newMember(t);
    const group = await newGroup(t, owner);
    const space = await newGroupCategory(t, owner, group);
    const insider = await newMember(t);
    await addToGroup(t, group, owner, insider);
    const inside = await newTopic(t, insider, space);
    await t.http().post(`/api/moderation/posts/${inside.firstPost.id}/sanctions`).set(owner.auth).send(body).expect(403);
    await t.http().post(`/api/moderation/posts/${inside.firstPost.id}/sanctions`).set(moderator.auth).send(body).expect(404);
  });

  it('a suspended member appeals from the sign-in page; staff are told of appeals and reports, admins of registrations', async () => {
    const member = await newMember(t);
    await t
      .http()
      .post(`/api/moderation/users/${member.user.id}/sanctions`)
      .set(moderator.auth)
      .send({ type: 'suspend', reason: 'Spamming', until: inDays(3) })
      .expect(201);
    const login = member.user.username;
    await t.http().post('/api/auth/login').send({ login, password: member.password }).expect(403);
    await t.http().post('/api/auth/appeal').send({ login, password: 'wrong password!', message: 'Please' }).expect(401);
    await t.http().post('/api/auth/appeal').send({ login, password: member.password }).expect(400);
    // Hostile input is a 400 naming the field, never a 500.
    const surrogate = await t.http().post('/api/auth/appeal').send({ login: '\ud800', password: 'x', message: 'Please' }).expect(400);
    expect(JSON.stringify(surrogate.body.message)).toContain('login');
    await t.http().post('/api/auth/appeal').send({ login, password: 'x\u0000', message: 'Please' }).expect(400);
    await t.http().post('/api/auth/appeal').send({ login, password: member.password, message: 'It was my cousin' }).expect(204);
    await t.http().post('/api/auth/appeal').send({ login, password: member.password, message: 'Again' }).expect(409);
    const free = await newMember(t);
    await t.http().post('/api/auth/appeal').send({ login: free.user.username, password: free.password, message: 'Why' }).expect(422);
    const appeal = (await queue(t, moderator)).find((item) => item.kind === 'appeal' && item.target.id === member.user.id);
    expect(appeal?.appeal).toMatchObject({ type: 'suspend', message: 'It was my cousin' });
    const [appealNotice] = await noticesOf(t, moderator, 'staff', 1);
    expect(appealNotice).toMatchObject({ data: { outcome: 'appeal' }, actor: { id: member.user.id } });

    // A report reaches those who moderate its space, gathered, never naming the reporter; a group's space is its group's.
    const owner = await newMember(t);
    const group = await newGroup(t, owner);
    const space = await newGroupCategory(t, owner, group);
    const insider = await newMember(t);
    await addToGroup(t, group, owner, insider);
    const inside = await newTopic(t, insider, space);
    const reporter = await newMember(t);
    await addToGroup(t, group, owner, reporter);
    await report(reporter, 'topic', inside.id);
    const [ownerNotice] = await noticesOf(t, owner, 'staff', 1);
    expect(ownerNotice).toMatchObject({ data: { outcome: 'report', count: 1 }, actor: null });
    const reportCount = async () => (await noticesOf(t, moderator, 'staff', 2)).find((item) => item.data.outcome === 'report');
    const before = (await reportCount())?.data.count ?? 0;
    const outside = await newTopic(t, insider, category);
    await report(reporter, 'topic', outside.id);
    await report(insider, 'post', (await newReply(t, reporter, outside.id)).id);
    const deadline = Date.now() + 5000;
    while (((await reportCount())?.data.count ?? 0) < before + 2 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    // Gathered into one unread notification (the earlier reports of this suite counted in it), naming nobody.
    expect(await reportCount()).toMatchObject({ data: { count: before + 2 }, actor: null });
    // The owner heard only of their space's report.
    expect((await noticesOf(t, owner, 'staff', 1)).map((item) => item.data.count)).toEqual([1]);

    await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'approval' }).expect(200);
    try {
      const waiting = await t
        .http()
        .post('/api/auth/register')
        .send({ username: 'waiting_one', email: 'waiting_one@example.org', password: 'correct horse battery' });
      expect([201, 202]).toContain(waiting.status);
      const [registration] = await noticesOf(t, admin, 'staff', 1, 'registration_pending');
      expect(registration).toMatchObject({ actor: { username: 'waiting_one' } });
      // Moderators do not approve registrations (the admin heard first: the same fan-out told everyone it tells).
      expect(await noticesOf(t, moderator, 'staff', 0, 'registration_pending')).toEqual([]);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ registrationMode: 'open' }).expect(200);
    }
  });
});
