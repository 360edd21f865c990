import type { TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { logOf, moderationNotices, moderationStage, queue } from '../support/moderation';
import { connectSocket, nextEvent } from '../support/sockets';

describe('moderation', () => {
  let t: TestApp, admin: TestMember, moderator: TestMember, category: string;
  beforeAll(async () => ({ t, admin, moderator, category } = await moderationStage()));
  afterAll(() => t.close());
  describe('reports and the queue', () => {
    it('gathers reports of one post into one item with every reason, and never names reporters to each other or the author', async () => {
      const author = await newMember(t);
      const topic = await newTopic(t, author, category);
      const post = await newReply(t, author, topic.id, 'Here is where **she lives**: 12 Elm St');
      const [first, second, third] = await Promise.all([newMember(t), newMember(t), newMember(t)]);
      const flagged = await Promise.all(
        [
          [first, 'privacy', 'This is her real address'],
          [second, 'privacy', undefined],
          [third, 'harassment', 'Targeting her'],
        ].map(([who, reason, note]) =>
          t
            .http()
            .post('/api/flags')
            .set((who as TestMember).auth)
            .send({ targetType: 'post', targetId: post.id, reason, ...(note ? { note } : {}) })
            .expect(201),
        ),
      );
      expect(new Set(flagged.map((response) => (response.body as { id: string }).id)).size).toBe(3);

      const items = (await queue(t, moderator)).filter((item) => item.target.id === post.id);
      expect(items).toHaveLength(1);
      const [item] = items;
      expect(item).toMatchObject({
        kind: 'flags',
        target: { type: 'post', member: { id: author.user.id }, topicId: topic.id, body: post.body, hidden: false },
        history: { sanctions: 0, activeSanction: null, flagsAgainst: 3 },
      });
      expect(item!.reasons).toEqual(
        expect.arrayContaining([
          { reason: 'privacy', count: 2 },
          { reason: 'harassment', count: 1 },
        ]),
      );
      // Staff see who wrote each note; the author and other reporters have no way to read the queue.
      expect(item!.notes.map((note) => note.reporter?.id).sort()).toEqual([first.user.id, third.user.id].sort());
      await t.http().get('/api/moderation/queue').set(author.auth).expect(403);
      await t.http().get('/api/moderation/queue').set(first.auth).expect(403);

      // Reporting again replaces one's own report: still one voice.
      await t.http().post('/api/flags').set(first.auth).send({ targetType: 'post', targetId: post.id, reason: 'other' }).expect(201);
      const again = (await queue(t, moderator)).find((entry) => entry.target.id === post.id)!;
      expect(again.reasons.reduce((sum, reason) => sum + reason.count, 0)).toBe(3);
    });

    it('hides a post: reporters and author are told, the post is blanked for others, the log records it', async () => {
      const author = await newMember(t);
      const reporter = await newMember(t);
      const reader = await newMember(t);
      const topic = await newTopic(t, author, category);
      const post = await newReply(t, author, topic.id, 'Something harmful');
      const { id: flagId } = (
        await t
          .http()
          .post('/api/flags')
          .set(reporter.auth)
          .send({ targetType: 'post', targetId: post.id, reason: 'harassment' })
          .expect(201)
      ).body as { id: string };
      // The id POST /api/flags answered resolves the whole item.
      await t
        .http()
        .post(`/api/moderation/flags/${flagId}/resolve`)
        .set(moderator.auth)
        .send({ action: 'hide', note: 'Personal attack' })
        .expect(204);

      expect((await t.http().get(`/api/posts/${post.id}`).set(reader.auth).expect(200)).body).toMatchObject({
        hidden: true,
        body: '',
        html: '',
      });
      expect((await t.http().get(`/api/posts/${post.id}`).set(author.auth).expect(200)).body).toMatchObject({
        hidden: true,
        body: 'Something harmful',
      });
      expect((await queue(t, moderator)).some((item) => item.target.id === post.id)).toBe(false);

      const [told] = await moderationNotices(t, reporter, 1);
      expect(told).toMatchObject({ type: 'moderation', actor: null, topicId: topic.id, data: { outcome: 'report_upheld' } });
      expect(told).not.toHaveProperty('postId');
      const [authorTold] = await moderationNotices(t, author, 1);
      expect(authorTold).toMatchObject({ actor: null, postId: post.id, data: { outcome: 'post_hide' } });

      const [entry] = await logOf(t, admin, `?targetId=${post.id}`);
      expect(entry).toMatchObject({ action: 'flag.hide', actor: { id: moderator.user.id }, targetType: 'post', reason: 'Personal attack' });
      // A second decision on the same item finds nothing open.
      await t.http().post(`/api/moderation/flags/${flagId}/resolve`).set(moderator.auth).send({ action: 'dismiss' }).expect(404);
    });

    it('deletes a reported topic’s first post, or dismisses; a member report is only dismissed from the queue', async () => {
      const author = await newMember(t);
      const reporter = await newMember(t);
      const topic = await newTopic(t, author, category);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      const item = (await queue(t, admin)).find((entry) => entry.target.id === topic.id)!;
      expect(item.target).toMatchObject({ type: 'topic', topicTitle: topic.title, postNumber: 1 });
      await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(admin.auth).send({ action: 'delete' }).expect(204);
      expect((await t.http().get(`/api/posts/${topic.firstPost.id}`).set(reporter.auth).expect(200)).body).toMatchObject({ deleted: true });

      await t
        .http()
        .post('/api/flags')
        .set(reporter.auth)
        .send({ targetType: 'user', targetId: author.user.id, reason: 'spam' })
        .expect(201);
      const memberItem = (await queue(t, moderator)).find((entry) => entry.target.id === author.user.id)!;
      expect(memberItem.target).toMatchObject({ type: 'user', member: { id: author.user.id } });
      const refused = await t
        .http()
        .post(`/api/moderation/flags/${memberItem.id}/resolve`)
        .set(moderator.auth)
        .send({ action: 'hide' })
        .expect(400);
      expect(refused.body.message).toContain('action must be dismiss');
      await t.http().post(`/api/moderation/flags/${memberItem.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }).expect(204);
      const [told] = await moderationNotices(t, reporter, 2);
      expect(told!.data.outcome).toBe('report_dismissed');
    });

    it('refuses bad reports with a 400 naming the field, a 404 for what the reporter cannot see, and stores nothing', async () => {
      const reporter = await newMember(t);
      const owner = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      const space = await newGroupCategory(t, owner, group);
      const secret = await newTopic(t, owner, space);
      const cases: [object, number, string][] = [
        [{ targetType: 'comment', targetId: secret.id, reason: 'spam' }, 400, 'targetType'],
        [{ targetType: 'post', targetId: 'nope', reason: 'spam' }, 400, 'targetId'],
        [{ targetType: 'post', targetId: secret.firstPost.id, reason: 'rude' }, 400, 'reason'],
        [{ targetType: 'post', targetId: secret.firstPost.id, reason: 'spam', note: 'x'.repeat(1001) }, 400, 'note'],
        [{ targetType: 'post', targetId: secret.firstPost.id, reason: 'spam', extra: true }, 400, 'extra'],
        [{ targetType: 'post', targetId: secret.firstPost.id, reason: 'spam', note: 'bad\u0000byte' }, 400, 'note'],
      ];
      for (const [body, status, field] of cases) {
        const response = await t.http().post('/api/flags').set(reporter.auth).send(body).expect(status);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      const hidden = await t
        .http()
        .post('/api/flags')
        .set(reporter.auth)
        .send({ targetType: 'post', targetId: secret.firstPost.id, reason: 'spam' })
        .expect(404);
      const missing = await t
        .http()
        .post('/api/flags')
        .set(reporter.auth)
        .send({ targetType: 'post', targetId: '00000000-0000-4000-8000-000000000000', reason: 'spam' })
        .expect(404);
      expect(hidden.body).toEqual(missing.body);
      await t.http().post('/api/flags').set(reporter.auth).set('content-type', 'application/json').send('{"targetType":').expect(400);
      const stored = await sql<{ count: number }>(t.databaseUrl, 'SELECT count(*)::int AS count FROM flags WHERE reporter_id = $1', [
        reporter.user.id,
      ]);
      expect(stored[0]?.count).toBe(0);
      // Nobody reports their own words.
      await t
        .http()
        .post('/api/flags')
        .set(owner.auth)
        .send({ targetType: 'post', targetId: secret.firstPost.id, reason: 'spam' })
        .expect(403);
    });

    it('limits reports per day for members, as the settings say', async () => {
      await t
        .http()
        .patch('/api/admin/settings')
        .set(admin.auth)
        .send({ rateLimits: { flagsPerDay: 2 } })
        .expect(200);
      try {
        const reporter = await newMember(t);
        const author = await newMember(t);
        const topic = await newTopic(t, author, category);
        const posts = await Promise.all([1, 2, 3].map((n) => newReply(t, author, topic.id, `post ${n}`)));
        for (const post of posts.slice(0, 2)) {
          await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'post', targetId: post.id, reason: 'spam' }).expect(201);
        }
        await t
          .http()
          .post('/api/flags')
          .set(reporter.auth)
          .send({ targetType: 'post', targetId: posts[2]!.id, reason: 'spam' })
          .expect(429);
      } finally {
        await t
          .http()
          .patch('/api/admin/settings')
          .set(admin.auth)
          .send({ rateLimits: { flagsPerDay: 0 } })
          .expect(200);
      }
    });

    it('lets a group’s owners and moderators work the reports in their spaces, and nowhere else', async () => {
      const owner = await newMember(t);
      const groupModerator = await newMember(t);
      const member = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      await addToGroup(t, group, owner, groupModerator, 'moderator');
      await addToGroup(t, group, owner, member);
      const space = await newGroupCategory(t, owner, group);
      const inside = await newTopic(t, member, space);
      const outside = await newTopic(t, member, category);
      await t
        .http()
        .post('/api/flags')
        .set(owner.auth)
        .send({ targetType: 'post', targetId: inside.firstPost.id, reason: 'off_topic', note: 'wrong space' })
        .expect(201);
      await t
        .http()
        .post('/api/flags')
        .set(owner.auth)
        .send({ targetType: 'post', targetId: outside.firstPost.id, reason: 'spam' })
        .expect(201);

      const seen = await queue(t, groupModerator);
      expect(seen.map((item) => item.target.id)).toEqual([inside.firstPost.id]);
      // Group moderators read the note, never who wrote it.
      expect(seen[0]!.notes).toEqual([expect.objectContaining({ note: 'wrong space', reporter: null })]);
      // Site moderators do not moderate private spaces: the item is not theirs.
      expect((await queue(t, moderator)).some((item) => item.target.id === inside.firstPost.id)).toBe(false);
      const outsideItem = (await queue(t, moderator)).find((item) => item.target.id === outside.firstPost.id)!;
      await t
        .http()
        .post(`/api/moderation/flags/${outsideItem.id}/resolve`)
        .set(groupModerator.auth)
        .send({ action: 'dismiss' })
        .expect(404);
      await t.http().post(`/api/moderation/flags/${seen[0]!.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }).expect(404);
      await t.http().post(`/api/moderation/flags/${seen[0]!.id}/resolve`).set(groupModerator.auth).send({ action: 'hide' }).expect(204);
      expect((await t.http().get(`/api/posts/${inside.firstPost.id}`).set(owner.auth).expect(200)).body).toMatchObject({ hidden: true });
    });

    it('sends a hide to the topic’s readers at once, content removed', async () => {
      const author = await newMember(t);
      const reader = await newMember(t);
      const topic = await newTopic(t, author, category);
      const post = await newReply(t, author, topic.id, 'To be hidden');
      const socket = await connectSocket(t.baseUrl, { token: reader.token });
      try {
        await socket.emitWithAck('topic:join', { topicId: topic.id });
        await t.http().post('/api/flags').set(reader.auth).send({ targetType: 'post', targetId: post.id, reason: 'spam' }).expect(201);
        const item = (await queue(t, moderator)).find((entry) => entry.target.id === post.id)!;
        const updated = nextEvent<{ id: string; hidden: boolean; body: string }>(socket, 'post:updated');
        await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'hide' }).expect(204);
        expect(await updated).toMatchObject({ id: post.id, hidden: true, body: '' });
      } finally {
        socket.close();
      }
    });
  });
});
