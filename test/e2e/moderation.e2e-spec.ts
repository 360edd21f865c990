import type {
  MemberRecordDto,
  ModerationLogEntryDto,
  NotificationDto,
  PageDto,
  ReviewItemDto,
  SanctionDto,
  SiteDto,
  WatchedWordDto,
} from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent } from '../support/sockets';

async function queue(t: TestApp, who: TestMember): Promise<ReviewItemDto[]> {
  return ((await t.http().get('/api/moderation/queue').set(who.auth).expect(200)).body as PageDto<ReviewItemDto>).items;
}

async function moderationNotices(t: TestApp, who: TestMember, expected: number): Promise<NotificationDto[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = ((await t.http().get('/api/notifications').set(who.auth).expect(200)).body as PageDto<NotificationDto>).items.filter(
      (item) => item.type === 'moderation',
    );
    if (items.length >= expected || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function logOf(t: TestApp, who: TestMember, query = ''): Promise<ModerationLogEntryDto[]> {
  return ((await t.http().get(`/api/moderation/log${query}`).set(who.auth).expect(200)).body as PageDto<ModerationLogEntryDto>).items;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('moderation', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let category: string;
  beforeAll(async () => {
    // Notification emails go out after a second here, to show a sanction is mailed once, not twice.
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    category = await newCategory(t, admin);
  });
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

  describe('claims, records and notes', () => {
    it('lets one moderator claim an item; another cannot act on it meanwhile', async () => {
      const author = await newMember(t);
      const reporter = await newMember(t);
      const second = await newMember(t, { role: 'moderator' });
      const topic = await newTopic(t, author, category);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      const item = (await queue(t, moderator)).find((entry) => entry.target.id === topic.id)!;
      expect(item.claimedBy).toBeNull();
      await t.http().post(`/api/moderation/queue/${item.id}/claim`).set(moderator.auth).expect(204);
      expect((await queue(t, second)).find((entry) => entry.id === item.id)!.claimedBy).toMatchObject({ id: moderator.user.id });
      await t.http().post(`/api/moderation/queue/${item.id}/claim`).set(second.auth).expect(409);
      await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(second.auth).send({ action: 'dismiss' }).expect(409);
      await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }).expect(204);
    });

    it('shows staff a member’s record: sanctions, reports about them, and notes only staff read', async () => {
      const member = await newMember(t);
      const reporter = await newMember(t);
      const topic = await newTopic(t, member, category);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'First warning' })
        .expect(201);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/notes`)
        .set(moderator.auth)
        .send({ body: 'Talked to them on Signal' })
        .expect(201);
      await t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(moderator.auth).send({ body: '' }).expect(400);
      await t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(member.auth).send({ body: 'sneaky' }).expect(403);
      const record = (await t.http().get(`/api/moderation/users/${member.user.id}`).set(admin.auth).expect(200)).body as {
        member: { id: string; status: string };
        sanctions: { type: string }[];
        flagsAgainst: number;
        notes: { body: string; author: { id: string } }[];
      };
      expect(record.member).toMatchObject({ id: member.user.id, status: 'active' });
      expect(record.member).not.toHaveProperty('email');
      expect(record.sanctions.map((sanction) => sanction.type)).toEqual(['warn']);
      expect(record.flagsAgainst).toBe(1);
      expect(record.notes).toEqual([
        expect.objectContaining({ body: 'Talked to them on Signal', author: expect.objectContaining({ id: moderator.user.id }) }),
      ]);
      await t.http().get(`/api/moderation/users/${member.user.id}`).set(member.auth).expect(403);
      await t.http().get('/api/moderation/users/00000000-0000-4000-8000-000000000000').set(moderator.auth).expect(404);
    });
  });

  describe('sanctions', () => {
    it('suspends: sessions end, the socket is told and closed, login says until when; lifting lets the member back', async () => {
      const member = await newMember(t);
      const socket = await connectSocket(t.baseUrl, { token: member.token });
      const revoked = nextEvent<{ reason: string }>(socket, 'session:revoked');
      const until = inDays(7);
      const { id } = (
        await t
          .http()
          .post(`/api/moderation/users/${member.user.id}/sanctions`)
          .set(moderator.auth)
          .send({ type: 'suspend', reason: 'Doxxing', until })
          .expect(201)
      ).body as { id: string };
      expect(await revoked).toEqual({ reason: 'suspended' });
      socket.close();
      await t.http().get('/api/me').set(member.auth).expect(401);
      const refused = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(403);
      expect(refused.body.message).toContain(`suspended until ${new Date(until).toISOString()}`);
      const mail = await t.smtp!.waitFor(member.user.email);
      expect(mail.subject).toContain('Your account is suspended');
      expect(mail.text).toContain('Doxxing');

      await t.http().delete(`/api/moderation/users/${member.user.id}/sanctions/${id}`).set(moderator.auth).expect(204);
      await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
      const actions = (await logOf(t, admin, `?targetId=${member.user.id}`)).map((entry) => entry.action);
      expect(actions).toEqual(['sanction.lift', 'sanction.suspend']);
    });

    it('silences: reads work, writes answer 403 until the date; the member is told in their language', async () => {
      const member = await newMember(t);
      await t.http().patch('/api/me').set(member.auth).send({ locale: 'fr' }).expect(200);
      const topic = await newTopic(t, admin, category);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'silence', reason: 'Spam répété', until: inDays(1) })
        .expect(201);
      await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'hello' }).expect(403);
      const mail = await t.smtp!.waitFor(member.user.email);
      expect(mail.subject).toContain('lecture seule');
      expect(mail.text).toContain('Spam répété');
    });

    it('warns: the member sees it, acknowledges it, and may appeal once; the appeal reaches the queue', async () => {
      const member = await newMember(t);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Be kind' })
        .expect(201);
      const [warning] = ((await t.http().get('/api/me/sanctions').set(member.auth).expect(200)).body as { items: SanctionDto[] }).items;
      expect(warning).toMatchObject({ type: 'warn', reason: 'Be kind', acknowledgedAt: null, appealedAt: null });
      const [notice] = await moderationNotices(t, member, 1);
      expect(notice).toMatchObject({ actor: null, data: { sanctionId: warning!.id } });
      // Told once by email: the sanction's own mail, not a second notification email after the delay.
      await t.smtp!.waitFor(member.user.email);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(t.smtp!.messages.filter((message) => message.to.includes(member.user.email.toLowerCase()))).toHaveLength(1);
      await t.http().post(`/api/me/sanctions/${warning!.id}/acknowledge`).set(member.auth).expect(204);
      await t
        .http()
        .post(`/api/me/sanctions/${warning!.id}/appeal`)
        .set(member.auth)
        .send({ message: 'I was quoting someone' })
        .expect(204);
      await t.http().post(`/api/me/sanctions/${warning!.id}/appeal`).set(member.auth).send({ message: 'Again' }).expect(409);
      await t.http().post(`/api/me/sanctions/${warning!.id}/appeal`).set(member.auth).send({ message: '' }).expect(400);
      const item = (await queue(t, moderator)).find((entry) => entry.kind === 'appeal' && entry.target.id === member.user.id)!;
      expect(item.appeal).toMatchObject({ sanctionId: warning!.id, type: 'warn', message: 'I was quoting someone' });
      // Another member's sanction is not theirs to read or appeal.
      const other = await newMember(t);
      await t.http().post(`/api/me/sanctions/${warning!.id}/acknowledge`).set(other.auth).expect(404);
      // Lifting the sanction closes the appeal.
      await t.http().delete(`/api/moderation/users/${member.user.id}/sanctions/${warning!.id}`).set(moderator.auth).expect(204);
      expect((await queue(t, moderator)).some((entry) => entry.kind === 'appeal' && entry.target.id === member.user.id)).toBe(false);
    });

    it('bans for good; nobody sanctions an admin, and moderators do not sanction moderators', async () => {
      const member = await newMember(t);
      await t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'ban', reason: 'Selling' })
        .expect(201);
      const refused = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(403);
      expect(refused.body.message).toContain('banned');

      const otherModerator = await newMember(t, { role: 'moderator' });
      await t
        .http()
        .post(`/api/moderation/users/${otherModerator.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Not allowed' })
        .expect(403);
      await t
        .http()
        .post(`/api/moderation/users/${admin.user.id}/sanctions`)
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'Not allowed' })
        .expect(403);
      await t
        .http()
        .post(`/api/moderation/users/${otherModerator.user.id}/sanctions`)
        .set(admin.auth)
        .send({ type: 'warn', reason: 'Careful' })
        .expect(201);
    });

    it('refuses bad sanctions with a 400 naming the field', async () => {
      const member = await newMember(t);
      const url = `/api/moderation/users/${member.user.id}/sanctions`;
      const cases: [object, string][] = [
        [{ type: 'jail', reason: 'x y z' }, 'type'],
        [{ type: 'warn' }, 'reason'],
        [{ type: 'suspend', reason: 'too long' }, 'until'],
        [{ type: 'suspend', reason: 'the past', until: '2001-01-01T00:00:00Z' }, 'until'],
        [{ type: 'silence', reason: 'not a date', until: 'tomorrow' }, 'until'],
        [{ type: 'warn', reason: 'dated warning', until: inDays(1) }, 'until'],
        [{ type: 'ban', reason: 'ok', sneaky: 1 }, 'sneaky'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http().post(url).set(moderator.auth).send(body).expect(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      await t
        .http()
        .post('/api/moderation/users/00000000-0000-4000-8000-000000000000/sanctions')
        .set(moderator.auth)
        .send({ type: 'warn', reason: 'who?' })
        .expect(404);
      const stored = await sql<{ count: number }>(t.databaseUrl, 'SELECT count(*)::int AS count FROM sanctions WHERE user_id = $1', [
        member.user.id,
      ]);
      expect(stored[0]?.count).toBe(0);
    });
  });

  describe('watched words and the log', () => {
    it('blocks with a 422 naming the word, whatever the disguise; censors in the html; admins only', async () => {
      const writer = await newMember(t);
      const topic = await newTopic(t, admin, category);
      await t.http().post('/api/admin/watched-words').set(moderator.auth).send({ word: 'scamcoin', action: 'block' }).expect(403);
      const block = await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'scamcoin', action: 'block' }).expect(201);
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'ScamCoin', action: 'censor' }).expect(409);
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'crétin', action: 'censor' }).expect(201);
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: '\u200B', action: 'censor' }).expect(400);
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'x', action: 'shout' }).expect(400);

      for (const body of [
        'Buy SCAMCOIN now',
        'Buy scam\u200Bcoin',
        'Buy sсаmcoin (Cyrillic)',
        'Buy **scam**coin',
        'Buy ｓｃａｍｃｏｉｎ',
      ]) {
        const refused = await t.http().post(`/api/topics/${topic.id}/posts`).set(writer.auth).send({ body }).expect(422);
        expect(refused.body.message).toContain('"scamcoin"');
      }
      await t.http().post('/api/topics').set(writer.auth).send({ categoryId: category, title: 'Free scamcoin', body: 'hi' }).expect(422);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(writer.auth).send({ body: 'scamcoins are a different word' }).expect(201);
      const censored = await t.http().post(`/api/topics/${topic.id}/posts`).set(writer.auth).send({ body: 'You CRETIN' }).expect(201);
      expect(censored.body.html).toBe('<p>You ■■■■■■</p>\n');
      // An edit is judged like a new post.
      await t.http().patch(`/api/posts/${censored.body.id}`).set(writer.auth).send({ body: 'now scamcoin' }).expect(422);

      const words = (await t.http().get('/api/admin/watched-words').set(admin.auth).expect(200)).body as { items: WatchedWordDto[] };
      expect(words.items.map((word) => word.word)).toEqual(['crétin', 'scamcoin']);
      await t
        .http()
        .delete(`/api/admin/watched-words/${(block.body as { id: string }).id}`)
        .set(admin.auth)
        .expect(204);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(writer.auth).send({ body: 'Buy scamcoin' }).expect(201);
      const actions = (await logOf(t, moderator, '?action=watched_word')).map((entry) => [entry.action, entry.reason]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['watched_word.remove', 'block: scamcoin'],
          ['watched_word.add', 'censor: crétin'],
        ]),
      );
    });

    it('holds a post with a review word: 201 pendingReview, unseen by others until approved, then everyone hears of it', async () => {
      const writer = await newMember(t);
      const reader = await newMember(t);
      const topic = await newTopic(t, reader, category);
      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'free samples', action: 'review' }).expect(201);
      try {
        const created = await t
          .http()
          .post(`/api/topics/${topic.id}/posts`)
          .set(writer.auth)
          .send({ body: 'Free   SAMPLES here' })
          .expect(201);
        expect(created.body).toMatchObject({ pendingReview: true, hidden: true });
        const held = created.body as { id: string };
        // Others: no post, not even a placeholder; the author and moderators see it.
        const page = (await t.http().get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200)).body as PageDto<{ id: string }>;
        expect(page.items.map((post) => post.id)).not.toContain(held.id);
        await t.http().get(`/api/posts/${held.id}`).set(reader.auth).expect(404);
        await t.http().get(`/api/posts/${held.id}`).set(writer.auth).expect(200);
        const modPage = (await t.http().get(`/api/topics/${topic.id}/posts`).set(moderator.auth).expect(200)).body as PageDto<{
          id: string;
        }>;
        expect(modPage.items.map((post) => post.id)).toContain(held.id);
        // The topic's author is not told of a reply nobody may see yet.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await moderationNotices(t, reader, 0)).toEqual([]);

        const item = (await queue(t, moderator)).find((entry) => entry.kind === 'held' && entry.target.id === held.id)!;
        expect(item.target).toMatchObject({ type: 'post', body: 'Free   SAMPLES here', member: { id: writer.user.id } });
        await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'hide' }).expect(400);
        await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'approve' }).expect(204);
        expect((await t.http().get(`/api/posts/${held.id}`).set(reader.auth).expect(200)).body).toMatchObject({
          hidden: false,
          body: 'Free   SAMPLES here',
        });
        const deadline = Date.now() + 5000;
        let told: NotificationDto[] = [];
        while (Date.now() < deadline && told.length === 0) {
          told = ((await t.http().get('/api/notifications').set(reader.auth).expect(200)).body as PageDto<NotificationDto>).items.filter(
            (n) => n.type === 'reply' && n.postId === held.id,
          );
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(told).toHaveLength(1);
        const [approved] = await moderationNotices(t, writer, 1);
        expect(approved!.data.outcome).toBe('post_approve');
      } finally {
        const words = (await t.http().get('/api/admin/watched-words').set(admin.auth).expect(200)).body as {
          items: { id: string; word: string }[];
        };
        for (const word of words.items.filter((entry) => entry.word === 'free samples')) {
          await t.http().delete(`/api/admin/watched-words/${word.id}`).set(admin.auth).expect(204);
        }
      }
    });

    it('holds a new member’s first posts when the site says so; a held topic is unseen by others; rejecting removes it', async () => {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 1 }).expect(200);
      try {
        const newcomer = await newMember(t);
        const reader = await newMember(t);
        const countOf = async () =>
          ((await t.http().get(`/api/categories/${category}`).set(admin.auth).expect(200)).body as { topicCount: number }).topicCount;
        const before = await countOf();
        const created = await t
          .http()
          .post('/api/topics')
          .set(newcomer.auth)
          .send({ categoryId: category, title: 'Hello from a newcomer', body: 'Hi all' })
          .expect(201);
        // A held topic is not counted: the count would tell others it exists.
        expect(await countOf()).toBe(before);
        const topic = created.body as { id: string; firstPost: { id: string; pendingReview?: boolean } };
        expect(topic.firstPost.pendingReview).toBe(true);
        await t.http().get(`/api/topics/${topic.id}`).set(reader.auth).expect(404);
        await t.http().get(`/api/topics/${topic.id}`).expect(404);
        await t.http().get(`/api/topics/${topic.id}`).set(newcomer.auth).expect(200);
        const listed = (await t.http().get(`/api/categories/${category}/topics`).set(reader.auth).expect(200)).body as PageDto<{
          id: string;
        }>;
        expect(listed.items.map((entry) => entry.id)).not.toContain(topic.id);
        const latest = (await t.http().get('/api/topics').expect(200)).body as PageDto<{ id: string }>;
        expect(latest.items.map((entry) => entry.id)).not.toContain(topic.id);
        const mine = (await t.http().get(`/api/categories/${category}/topics`).set(newcomer.auth).expect(200)).body as PageDto<{
          id: string;
        }>;
        expect(mine.items.map((entry) => entry.id)).toContain(topic.id);
        // Staff are never held.
        const staffTopic = await t
          .http()
          .post('/api/topics')
          .set(moderator.auth)
          .send({ categoryId: category, title: 'Staff note', body: 'x' })
          .expect(201);
        expect(staffTopic.body.firstPost.pendingReview).toBeUndefined();

        const item = (await queue(t, admin)).find((entry) => entry.kind === 'held' && entry.target.id === topic.firstPost.id)!;
        await t
          .http()
          .post(`/api/moderation/flags/${item.id}/resolve`)
          .set(admin.auth)
          .send({ action: 'reject', note: 'Spam' })
          .expect(204);
        await t.http().get(`/api/topics/${topic.id}`).set(reader.auth).expect(404);
        const [rejected] = await moderationNotices(t, newcomer, 1);
        expect(rejected!.data.outcome).toBe('post_reject');
        expect((await logOf(t, admin, `?targetId=${topic.firstPost.id}`))[0]).toMatchObject({ action: 'post.reject', reason: 'Spam' });

        // Approving a held topic counts it in its category, and shows it to everyone.
        const another = await newMember(t);
        const second = (
          await t
            .http()
            .post('/api/topics')
            .set(another.auth)
            .send({ categoryId: category, title: 'Second newcomer', body: 'Hello' })
            .expect(201)
        ).body as { id: string; firstPost: { id: string } };
        const counted = await countOf();
        const secondItem = (await queue(t, admin)).find((entry) => entry.kind === 'held' && entry.target.id === second.firstPost.id)!;
        await t.http().post(`/api/moderation/flags/${secondItem.id}/resolve`).set(admin.auth).send({ action: 'approve' }).expect(204);
        expect(await countOf()).toBe(counted + 1);
        await t.http().get(`/api/topics/${second.id}`).set(reader.auth).expect(200);
      } finally {
        await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 0 }).expect(200);
      }
    });

    it('slow mode: one post per member per N seconds, moderators exempt, set by those who moderate, logged', async () => {
      const member = await newMember(t);
      const topic = await newTopic(t, admin, category);
      await t.http().patch(`/api/topics/${topic.id}`).set(member.auth).send({ slowModeSeconds: 60 }).expect(403);
      await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ slowModeSeconds: 86_401 }).expect(400);
      const set = await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ slowModeSeconds: 60 }).expect(200);
      expect(set.body.slowModeSeconds).toBe(60);
      await newReply(t, member, topic.id, 'first');
      const refused = await t.http().post(`/api/topics/${topic.id}/posts`).set(member.auth).send({ body: 'second' }).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Two at once from a member who has not posted yet: one passes.
      const other = await newMember(t);
      const both = await Promise.all(
        ['a', 'b'].map((body) => t.http().post(`/api/topics/${topic.id}/posts`).set(other.auth).send({ body })),
      );
      expect(both.map((response) => response.status).sort()).toEqual([201, 429]);
      await newReply(t, moderator, topic.id, 'staff one');
      await newReply(t, moderator, topic.id, 'staff two');
      await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ slowModeSeconds: 0 }).expect(200);
      await newReply(t, member, topic.id, 'free again');
      expect((await logOf(t, admin, `?targetId=${topic.id}`)).filter((entry) => entry.action === 'topic.slow_mode')).toHaveLength(2);
    });

    it('records role and settings changes and topic moderation; the log cannot be rewritten', async () => {
      const member = await newMember(t);
      const topic = await newTopic(t, member, category);
      await t.http().patch(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ role: 'moderator' }).expect(200);
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: 'Harbour test' }).expect(200);
      await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ locked: true, pinned: true }).expect(200);
      // Written in each action's own transaction: there the moment the action answers, no waiting.
      const entries = await logOf(t, moderator);
      expect(entries.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['user.role', 'settings.update', 'topic.lock', 'topic.pin']),
      );
      expect(entries.find((entry) => entry.action === 'user.role')).toMatchObject({
        targetId: member.user.id,
        reason: 'member → moderator',
        actor: { id: admin.user.id },
      });
      await expect(sql(t.databaseUrl, `UPDATE moderation_log SET reason = 'nothing happened'`)).rejects.toThrow('append-only');
      await expect(sql(t.databaseUrl, 'DELETE FROM moderation_log')).rejects.toThrow('append-only');
      await t.http().get('/api/moderation/log').set(member.auth).expect(200); // now a moderator
      const plain = await newMember(t);
      await t.http().get('/api/moderation/log').set(plain.auth).expect(403);
      await t.http().get('/api/moderation/log?actorId=nope').set(moderator.auth).expect(400);
    });

    it('a staff action whose log entry cannot be written does not happen, in every lib that logs', async () => {
      const member = await newMember(t);
      const topic = await newTopic(t, member, category);
      const reporter = await newMember(t);
      await t.http().post('/api/flags').set(reporter.auth).send({ targetType: 'topic', targetId: topic.id, reason: 'spam' }).expect(201);
      const [item] = (await queue(t, moderator)).filter((entry) => entry.target.id === topic.id);
      const { siteName } = (await t.http().get('/api/site').expect(200)).body as SiteDto;
      // As a crash between the action and its entry would: the entry fails, so the action's transaction must.
      await sql(
        t.databaseUrl,
        `CREATE FUNCTION refuse_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'log unavailable'; END $$;
         CREATE TRIGGER refuse_log BEFORE INSERT ON moderation_log FOR EACH ROW EXECUTE FUNCTION refuse_log()`,
      );
      try {
        const attempts = {
          'topic.lock': t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ locked: true }),
          'settings.update': t.http().patch('/api/admin/settings').set(admin.auth).send({ siteName: 'Never renamed' }),
          'user.role': t.http().patch(`/api/admin/users/${member.user.id}`).set(admin.auth).send({ role: 'moderator' }),
          'sanction.warn': t
            .http()
            .post(`/api/moderation/users/${member.user.id}/sanctions`)
            .set(moderator.auth)
            .send({ type: 'warn', reason: 'Unlogged' }),
          'note.add': t.http().post(`/api/moderation/users/${member.user.id}/notes`).set(moderator.auth).send({ body: 'Unlogged note' }),
          'flag.dismiss': t.http().post(`/api/moderation/flags/${item!.id}/resolve`).set(moderator.auth).send({ action: 'dismiss' }),
          'watched_word.add': t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'unloggedword', action: 'block' }),
        };
        const statuses: Record<string, number> = {};
        // One at a time: each answers before the next starts.
        for (const [action, attempt] of Object.entries(attempts)) statuses[action] = (await attempt).status;
        expect(statuses).toEqual(Object.fromEntries(Object.keys(attempts).map((action) => [action, 500])));
      } finally {
        await sql(t.databaseUrl, 'DROP TRIGGER refuse_log ON moderation_log; DROP FUNCTION refuse_log()');
      }
      expect((await t.http().get(`/api/topics/${topic.id}`).set(member.auth).expect(200)).body).toMatchObject({ locked: false });
      expect((await t.http().get('/api/site').expect(200)).body).toMatchObject({ siteName });
      const record = (await t.http().get(`/api/moderation/users/${member.user.id}`).set(moderator.auth).expect(200))
        .body as MemberRecordDto;
      expect(record).toMatchObject({ member: { role: 'member' }, sanctions: [], notes: [] });
      expect((await queue(t, moderator)).some((entry) => entry.id === item!.id)).toBe(true);
      const words = (await t.http().get('/api/admin/watched-words').set(admin.auth).expect(200)).body as { items: WatchedWordDto[] };
      expect(words.items.map((entry) => entry.word)).not.toContain('unloggedword');
    });
  });
});
