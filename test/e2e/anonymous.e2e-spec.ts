import type { CategoryDto, ModerationLogEntryDto, PageDto, PostDto, ReviewItemDto, UnmaskRequestDto } from '@harbour/contracts';
import { expectNoTrace, postsOf, readAs, replyTo, startTopic, waitForNotifications } from '../support/anonymous';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory } from '../support/forum';
import { inDays, logOf, queue } from '../support/moderation';
import { connectSocket, nextEvent } from '../support/sockets';

/**
 * Anonymous posting (api.md 1.1): the category's rule, stable labels, and the author never leaving the
 * server by any path, to anyone (staff included) but through a two-person unmask.
 */
describe('anonymous posting', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let off: string;
  let allowed: string;
  let required: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' }, webDir: `${__dirname}/../../dist/web` });
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    alice = await newMember(t);
    bob = await newMember(t);
    off = await newCategory(t, admin, 'Open talk');
    allowed = await newCategory(t, admin, 'Ask anything');
    required = await newCategory(t, admin, 'Peer support');
    await t.http().patch(`/api/categories/${allowed}`).set(admin.auth).send({ anonymous: 'allowed' }).expect(200);
    await t.http().patch(`/api/categories/${required}`).set(admin.auth).send({ anonymous: 'required' }).expect(200);
  });
  afterAll(() => t.close());

  const start = (who: TestMember, categoryId: string, extra: object = {}, status = 201) => startTopic(t, who, categoryId, extra, status);
  const reply = (who: TestMember, topicId: string, extra: object = {}, status = 201) => replyTo(t, who, topicId, extra, status);
  const posts = (topicId: string, who?: TestMember) => postsOf(t, topicId, who);
  const get = (path: string, who?: TestMember) => readAs(t, path, who);
  const notifications = (who: TestMember, expected: number) => waitForNotifications(t, who, expected);

  it('follows the category: off refuses the choice, allowed takes it per post, required makes every post anonymous', async () => {
    const refused = await start(alice, off, { anonymous: true }, 400);
    expect(JSON.stringify(refused)).toContain('anonymous');
    const signed = await start(alice, off, { anonymous: false });
    expect(signed.author?.id).toBe(alice.user.id);

    const chosen = await start(alice, allowed, { anonymous: true });
    expect(chosen.author).toBeNull();
    expect(chosen.anonymousLabel).toBe('Anonymous 1');
    expect(chosen.firstPost.author).toBeNull();
    expect(chosen.firstPost.anonymousLabel).toBe('Anonymous 1');
    expect(chosen.firstPost.can.edit).toBe(true);
    const named = await start(alice, allowed);
    expect(named.author?.id).toBe(alice.user.id);
    expect(named.anonymousLabel).toBeUndefined();

    const forced = await start(alice, required);
    expect(forced.author).toBeNull();
    expect((await start(bob, required, { anonymous: false }, 400)) as unknown).toMatchObject({
      message: expect.stringContaining('anonymous'),
    });
    expect(await reply(bob, forced.id)).toMatchObject({ author: null, anonymousLabel: 'Anonymous 2' });
    expect(await reply(bob, forced.id, {}, 201)).toMatchObject({ anonymousLabel: 'Anonymous 2' });
    expect(await reply(alice, forced.id)).toMatchObject({ anonymousLabel: 'Anonymous 1' });
    expect((await reply(bob, signed.id, { anonymous: true }, 400)) as unknown).toMatchObject({
      message: expect.stringContaining('anonymous'),
    });
    const category = (await t.http().get(`/api/categories/${required}`).expect(200)).body as CategoryDto;
    expect(category).toMatchObject({ anonymous: 'required', anonymousReview: false });
  });

  it('refuses hostile bodies with a 400 naming the field, storing nothing', async () => {
    const before = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM posts');
    for (const anonymous of [null, 'yes', 1, {}, [true]]) {
      const response = await t
        .http()
        .post('/api/topics')
        .set(alice.auth)
        .send({ categoryId: allowed, title: 'Hostile one', body: 'x', anonymous })
        .expect(400);
      expect(JSON.stringify(response.body)).toContain('anonymous');
    }
    for (const anonymousReview of [null, 'true', 2]) {
      await t.http().patch(`/api/categories/${allowed}`).set(admin.auth).send({ anonymousReview }).expect(400);
    }
    const after = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM posts');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('gives eight members posting at once eight distinct labels, each kept on their next post', async () => {
    const topic = await start(admin, required);
    const members = await Promise.all(Array.from({ length: 8 }, () => newMember(t)));
    const first = await Promise.all(members.map((member) => reply(member, topic.id)));
    const labels = first.map((post) => post.anonymousLabel);
    expect(new Set(labels).size).toBe(8);
    expect([...labels].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Anonymous ${i + 2}`).sort());
    const again = await Promise.all(members.map((member) => reply(member, topic.id)));
    expect(again.map((post) => post.anonymousLabel)).toEqual(labels);
    for (const post of await posts(topic.id, admin)) expect(post.author).toBeNull();
  });

  it('keeps labels one per poster through a split and a merge, and a topic split off an anonymous post anonymous', async () => {
    const [first, second] = [await newMember(t), await newMember(t)];
    const source = await start(first, required);
    const moved = await reply(second, source.id);
    const split = await t
      .http()
      .post(`/api/topics/${source.id}/split`)
      .set(moderator.auth)
      .send({ postIds: [moved.id], title: 'Split off, still anonymous' })
      .expect(201);
    expect(split.body).toMatchObject({ author: null, anonymousLabel: 'Anonymous 2' });
    expectNoTrace(split.body, second);
    // Merged into a topic where the first poster is "Anonymous 1" and a third is "Anonymous 2": nobody shares a label.
    const target = await start(first, required);
    const third = await newMember(t);
    await reply(third, target.id);
    await reply(first, split.body.id as string);
    await t
      .http()
      .post(`/api/topics/${split.body.id as string}/merge`)
      .set(moderator.auth)
      .send({ intoTopicId: target.id })
      .expect(204);
    // Each label is one poster's, and each poster has one label.
    const labels = await sql<{ n: number; authors: number }>(
      t.databaseUrl,
      'SELECT anonymous_number AS n, count(DISTINCT author_id)::int AS authors FROM posts WHERE topic_id = $1 GROUP BY 1',
      [target.id],
    );
    expect(labels.every((label) => label.authors === 1)).toBe(true);
    expect(await sql(t.databaseUrl, 'SELECT DISTINCT author_id FROM posts WHERE topic_id = $1', [target.id])).toHaveLength(labels.length);
    expect((await posts(target.id, admin)).filter((post) => post.anonymousLabel === 'Anonymous 1').length).toBe(2);
  });

  it('never names the author on reading paths, to anyone: topics, lists, search, profiles, revisions, guest pages', async () => {
    const writer = await newMember(t);
    const topic = await start(writer, allowed, { anonymous: true, body: 'A question about xylazinewounds, anonymously' });
    await reply(writer, topic.id, { anonymous: true, body: 'And more about xylazinewounds' });
    await t
      .http()
      .patch(`/api/posts/${topic.firstPost.id}`)
      .set(writer.auth)
      .send({ body: 'Edited question about xylazinewounds', baseRevision: 0 })
      .expect(200);
    for (const who of [admin, moderator, bob, undefined]) {
      expectNoTrace(await get(`/api/topics/${topic.id}`, who), writer);
      expectNoTrace(await get(`/api/topics/${topic.id}/posts`, who), writer);
      expectNoTrace(await get(`/api/posts/${topic.firstPost.id}`, who), writer);
      expectNoTrace(await get('/api/topics?filter=latest', who), writer);
      expectNoTrace(await get(`/api/categories/${allowed}/topics`, who), writer);
      expectNoTrace(await get(`/api/search?q=xylazinewounds`, who), writer);
      expectNoTrace(await get(`/api/posts/${topic.firstPost.id}/revisions`, who), writer);
      const found = (await get(`/api/search?q=xylazinewounds&author=${writer.user.username}`, who)) as PageDto<unknown>;
      expect(found.items).toEqual([]);
      const profile = (await get(`/api/users/${writer.user.username}`, who)) as { postCount: number };
      expect(profile.postCount).toBe(0);
      expect(((await get(`/api/users/${writer.user.username}/posts`, who)) as PageDto<unknown>).items).toEqual([]);
    }
    const hits = ((await get('/api/search?q=xylazinewounds', admin)) as PageDto<{ author: unknown; anonymousLabel: string }>).items;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.author === null && hit.anonymousLabel === 'Anonymous 1')).toBe(true);
    const revisions = (await get(`/api/posts/${topic.firstPost.id}/revisions`, admin)) as { items: { editorId: string | null }[] };
    expect(revisions.items).toMatchObject([{ editorId: null, editedBy: 'author' }]);
    const page = await t.http().get(`/t/${topic.id}`).expect(200);
    expect(page.text).toContain('Anonymous 1');
    expectNoTrace(page.text, writer);
    const exported = await t.http().post('/api/me/export').set(writer.auth).send({ password: writer.password }).buffer(true).expect(200);
    expect(exported.headers['content-type']).toContain('zip');
  });

  it('notifies without naming an anonymous replier or mentioner, in the app, by email and over sockets', async () => {
    const named = await newMember(t);
    const masked = await newMember(t);
    const mentioned = await newMember(t);
    const topic = await start(named, allowed);
    const reader = await connectSocket(t.baseUrl, { token: bob.token });
    expect(await reader.timeout(5000).emitWithAck('topic:join', { topicId: topic.id })).toEqual({ ok: true });
    const live = nextEvent<PostDto>(reader, 'post:created');
    const typing: unknown[] = [];
    reader.on('topic:presence', (payload: unknown) => typing.push(payload));
    const typer = await connectSocket(t.baseUrl, { token: masked.token });
    expect(await typer.timeout(5000).emitWithAck('topic:join', { topicId: topic.id })).toEqual({ ok: true });
    expect(await typer.timeout(5000).emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: true });
    const written = await reply(masked, topic.id, { anonymous: true, body: `A masked answer, cc @${mentioned.user.username}` });
    const heard = await live;
    expect(heard).toMatchObject({ id: written.id, author: null, anonymousLabel: 'Anonymous 1' });
    expectNoTrace(heard, masked);
    const [toAuthor] = await notifications(named, 1);
    expect(toAuthor).toMatchObject({ type: 'reply', actor: null, postId: written.id });
    const [toMentioned] = await notifications(mentioned, 1);
    expect(toMentioned).toMatchObject({ type: 'mention', actor: null });
    const mail = await t.smtp!.waitFor(named.user.email);
    expectNoTrace(`${mail.subject} ${mail.text} ${mail.html}`, masked);
    expectNoTrace(`${(await t.smtp!.waitFor(mentioned.user.email)).text}`, masked);
    // The masked poster hears a named reply to their anonymous post, as anyone would.
    await reply(named, topic.id, { parentId: written.id, body: 'Thanks, named' });
    const [toMasked] = await notifications(masked, 1);
    expect(toMasked).toMatchObject({ type: 'reply', actor: { id: named.user.id } });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expectNoTrace(typing, masked);
    reader.close();
    typer.close();
  });

  it('lets moderators act on an anonymous post without learning who wrote it: queue, log, records, sanctions', async () => {
    const writer = await newMember(t);
    const topic = await start(bob, allowed);
    const post = await reply(writer, topic.id, { anonymous: true, body: 'Something harmful, anonymously' });
    await t.http().post('/api/flags').set(alice.auth).send({ targetType: 'post', targetId: post.id, reason: 'harassment' }).expect(201);
    for (const who of [moderator, admin]) {
      const item = (await queue(t, who)).find((entry) => entry.target.id === post.id)!;
      expect(item.target).toMatchObject({ member: null, anonymousLabel: 'Anonymous 1' });
      expect(item.history).toEqual({ sanctions: 0, activeSanction: null, flagsAgainst: 0 });
      expectNoTrace(item, writer);
    }
    const item = (await queue(t, moderator)).find((entry) => entry.target.id === post.id) as ReviewItemDto;
    await t
      .http()
      .post(`/api/moderation/flags/${item.id}/resolve`)
      .set(moderator.auth)
      .send({ action: 'hide', note: 'Attack' })
      .expect(204);
    const sanction = await t
      .http()
      .post(`/api/moderation/posts/${post.id}/sanctions`)
      .set(moderator.auth)
      .send({ type: 'silence', reason: 'Harassment in an anonymous post', until: inDays(2) })
      .expect(201);
    expectNoTrace(sanction.body, writer);
    // The sanction binds: the author can no longer post.
    await reply(writer, topic.id, {}, 403);
    for (const who of [moderator, admin]) {
      expectNoTrace(await logOf(t, who), writer);
      expect(await logOf(t, who, `?memberId=${writer.user.id}`)).toEqual([]);
      const record = (await get(`/api/moderation/users/${writer.user.id}`, who)) as { sanctions: unknown[]; flagsAgainst: number };
      expect(record).toMatchObject({ sanctions: [], flagsAgainst: 0 });
    }
    const [entry] = await logOf(t, moderator, `?action=sanction`);
    expect(entry).toMatchObject({ targetType: 'post', targetId: post.id });
    // The author is told, as any sanctioned member.
    expect(((await get('/api/me/sanctions', writer)) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('holds anonymous posts for review where the category says so, staff’s too, and the queue names nobody', async () => {
    const reviewed = await newCategory(t, admin, 'Held anonymous');
    await t.http().patch(`/api/categories/${reviewed}`).set(admin.auth).send({ anonymous: 'allowed', anonymousReview: true }).expect(200);
    const held = await start(moderator, reviewed, { anonymous: true });
    expect(held.firstPost).toMatchObject({ pendingReview: true, author: null });
    const signed = await start(alice, reviewed);
    expect(signed.firstPost.pendingReview).toBeUndefined();
    const topic = await start(bob, reviewed);
    const heldReply = await reply(alice, topic.id, { anonymous: true });
    expect(heldReply.pendingReview).toBe(true);
    await t.http().get(`/api/topics/${held.id}`).set(bob.auth).expect(404);
    const items = (await queue(t, admin)).filter((item) => [held.firstPost.id, held.id, heldReply.id].includes(item.target.id));
    expect(items.length).toBe(2);
    for (const item of items) {
      expect(item.target.member).toBeNull();
      expectNoTrace(item, moderator);
      expectNoTrace(item, alice);
    }
  });

  it('unmasks with two people: a moderator asks, a different admin approves, only those two see the author, who is told', async () => {
    const secondAdmin = await newMember(t, { role: 'admin' });
    const otherModerator = await newMember(t, { role: 'moderator' });
    const writer = await newMember(t);
    const topic = await start(writer, required);
    const post = topic.firstPost;
    // Hostile bodies, and a signed post, are refused; nothing is stored.
    for (const body of [
      {},
      { reason: null },
      { reason: '' },
      { reason: 'x'.repeat(1001) },
      { reason: 'bad\u0000' },
      { reason: '\ud800abc' },
    ]) {
      const refused = await t.http().post(`/api/moderation/posts/${post.id}/unmask`).set(moderator.auth).send(body).expect(400);
      expect(JSON.stringify(refused.body)).toContain('reason');
    }
    const signed = await start(bob, off);
    await t.http().post(`/api/moderation/posts/${signed.firstPost.id}/unmask`).set(moderator.auth).send({ reason: 'Threats' }).expect(422);
    await t.http().post(`/api/moderation/posts/${post.id}/unmask`).set(alice.auth).send({ reason: 'Curious' }).expect(403);
    expect((await sql(t.databaseUrl, 'SELECT 1 FROM unmask_requests')).length).toBe(0);

    const asked = (
      await t.http().post(`/api/moderation/posts/${post.id}/unmask`).set(moderator.auth).send({ reason: 'Credible threats' }).expect(201)
    ).body as UnmaskRequestDto;
    expect(asked).toMatchObject({ status: 'pending', postId: post.id, reason: 'Credible threats', canApprove: false });
    expect(asked).not.toHaveProperty('author');
    // A moderator cannot approve; nor can an admin approve their own request.
    await t.http().post(`/api/moderation/unmask-requests/${asked.id}/approve`).set(moderator.auth).expect(403);
    const own = (await t.http().post(`/api/moderation/posts/${post.id}/unmask`).set(admin.auth).send({ reason: 'Admin asks' }).expect(201))
      .body as UnmaskRequestDto;
    await t.http().post(`/api/moderation/unmask-requests/${own.id}/approve`).set(admin.auth).expect(403);
    await t.http().get(`/api/moderation/unmask-requests/${asked.id}`).set(otherModerator.auth).expect(404);
    await t.http().get('/api/moderation/unmask-requests').set(moderator.auth).expect(403);
    const listed = (await get('/api/moderation/unmask-requests', secondAdmin)) as PageDto<UnmaskRequestDto>;
    expect(listed.items.find((item) => item.id === asked.id)).toMatchObject({ canApprove: true });
    // Eight approvals at once approve it once.
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.http().post(`/api/moderation/unmask-requests/${asked.id}/approve`).set(secondAdmin.auth)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const approved = answers.find((answer) => answer.status === 200)!.body as UnmaskRequestDto;
    expect(approved).toMatchObject({ status: 'approved', author: { id: writer.user.id }, approver: { id: secondAdmin.user.id } });
    expect(await get(`/api/moderation/unmask-requests/${asked.id}`, moderator)).toMatchObject({ author: { id: writer.user.id } });
    // Anyone else, the first admin included, reads the request without the author.
    const third = await get(`/api/moderation/unmask-requests/${asked.id}`, admin);
    expect(third).toMatchObject({ status: 'approved' });
    expectNoTrace(third, writer);
    expectNoTrace(await get('/api/moderation/unmask-requests', admin), writer);
    expectNoTrace(await get(`/api/topics/${topic.id}/posts`, moderator), writer);
    // Both steps are logged against the post; no log reader is told who.
    const steps = (await logOf(t, admin, `?targetId=${post.id}`)).map((entry: ModerationLogEntryDto) => entry.action);
    expect(steps).toEqual(expect.arrayContaining(['post.unmask_request', 'post.unmask_approve']));
    for (const who of [admin, moderator, otherModerator]) expectNoTrace(await logOf(t, who), writer);
    // The poster is told that they were unmasked, and why: in the app and by email.
    const [told] = (await notifications(writer, 1)).filter((item) => item.data.outcome === 'post_unmasked');
    expect(told).toMatchObject({ type: 'moderation', actor: null, data: { reason: 'Credible threats' } });
    const mail = await t.smtp!.waitFor(writer.user.email);
    expect(mail.text).toContain('Credible threats');
    await t.http().post(`/api/moderation/unmask-requests/not-an-id/approve`).set(secondAdmin.auth).expect(404);
  });
});
