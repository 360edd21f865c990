import type { Socket } from 'socket.io-client';
import type {
  CategoryDto,
  ModerationLogEntryDto,
  NotificationDto,
  PageDto,
  PostDto,
  ReviewItemDto,
  RevisionDto,
  SearchHitDto,
  TopicDto,
} from '@harbour/contracts';
import { NotificationDigest } from '@harbour/notifications';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent } from '../support/sockets';

/**
 * Nothing leaks at the edges: a held post moves no count, the moderation log keeps each space's business
 * to its moderators, a moderator's edit does not name them, a content warning stands for the words
 * wherever they travel, and private answers are never cached.
 */
describe('edges', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let category: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ env: { NOTIFICATION_EMAIL_DELAY_SECONDS: '1' } });
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    category = await newCategory(t, admin);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  const get = async <T>(path: string, who: TestMember | null): Promise<T> => {
    const request = t.http().get(path);
    return (await (who ? request.set(who.auth) : request).expect(200)).body as T;
  };
  const queueItem = async (who: TestMember, postId: string): Promise<ReviewItemDto> =>
    (await get<PageDto<ReviewItemDto>>('/api/moderation/queue?limit=100', who)).items.find((item) => item.target.id === postId)!;

  describe('a post held for review', () => {
    /** What another member can observe of a topic and its category. */
    async function seenBy(who: TestMember, topicId: string) {
      const topic = await get<TopicDto>(`/api/topics/${topicId}`, who);
      const latest = await get<PageDto<TopicDto>>('/api/topics?limit=100', who);
      const inCategory = await get<PageDto<TopicDto>>(`/api/categories/${category}/topics?limit=100`, who);
      const posts = await get<PageDto<PostDto>>(`/api/topics/${topicId}/posts`, who);
      return {
        postCount: topic.postCount,
        lastPostAt: topic.lastPostAt,
        unreadCount: topic.unreadCount,
        latest: latest.items.map((item) => item.id),
        categoryOrder: inCategory.items.map((item) => item.id),
        topicCount: (await get<CategoryDto>(`/api/categories/${category}`, who)).topicCount,
        posts: posts.items.map((post) => [post.number, post.id]),
      };
    }

    it('changes no count, time, unread number or order others see until it is approved, then does', async () => {
      const starter = await newMember(t);
      const reader = await newMember(t);
      const writer = await newMember(t);
      const older = await newTopic(t, starter, category);
      await newReply(t, starter, older.id, 'the second post');
      const newer = await newTopic(t, starter, category);
      // The reader has read the older topic to its end: nothing unread.
      const before = await get<PageDto<PostDto>>(`/api/topics/${older.id}/posts`, reader);
      await t
        .http()
        .put(`/api/topics/${older.id}/read`)
        .set(reader.auth)
        .send({ postId: before.items.at(-1)!.id })
        .expect(204);
      const seen = await seenBy(reader, older.id);
      expect(seen).toMatchObject({ postCount: 2, unreadCount: 0 });
      expect(seen.latest.indexOf(newer.id)).toBeLessThan(seen.latest.indexOf(older.id));

      await t.http().post('/api/admin/watched-words').set(admin.auth).send({ word: 'quiet pink', action: 'review' }).expect(201);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20)); // a later now() for last_post_at, were it moved
        const held = (
          await t.http().post(`/api/topics/${older.id}/posts`).set(writer.auth).send({ body: 'a quiet pink reply' }).expect(201)
        ).body as PostDto;
        expect(held).toMatchObject({ pendingReview: true, number: null });
        const heldTopic = await t
          .http()
          .post('/api/topics')
          .set(writer.auth)
          .send({ categoryId: category, title: 'A held topic', body: 'quiet pink too' })
          .expect(201);
        expect(await seenBy(reader, older.id)).toEqual(seen);
        // The writer sees their held reply, after the numbered posts, and the count as others see it.
        const own = await get<PageDto<PostDto>>(`/api/topics/${older.id}/posts`, writer);
        expect(own.items.map((post) => [post.number, post.id])).toEqual([...seen.posts, [null, held.id]]);
        // Reading down to their held reply is reading the topic as it is counted.
        await t.http().put(`/api/topics/${older.id}/read`).set(writer.auth).send({ postId: held.id }).expect(204);
        expect(await get<TopicDto>(`/api/topics/${older.id}`, writer)).toMatchObject({ postCount: 2, unreadCount: 0 });

        // A visible reply meanwhile takes the next number, as if the held one were not there.
        const visible = await newReply(t, starter, older.id, 'a visible reply');
        expect(visible.number).toBe(3);
        expect(await seenBy(reader, older.id)).toMatchObject({ postCount: 3, unreadCount: 1 });

        await t
          .http()
          .post(`/api/moderation/flags/${(await queueItem(moderator, held.id)).id}/resolve`)
          .set(moderator.auth)
          .send({ action: 'approve' })
          .expect(204);
        const after = await seenBy(reader, older.id);
        expect(after).toMatchObject({ postCount: 4, unreadCount: 2, topicCount: seen.topicCount });
        expect(new Date(after.lastPostAt).getTime()).toBeGreaterThan(new Date(seen.lastPostAt).getTime());
        expect(after.latest[0]).toBe(older.id);
        expect(after.posts.at(-1)).toEqual([4, held.id]);

        // The held topic, approved, counts in its category and leads "latest".
        const heldFirst = (heldTopic.body as { firstPost: PostDto }).firstPost;
        await t
          .http()
          .post(`/api/moderation/flags/${(await queueItem(moderator, heldFirst.id)).id}/resolve`)
          .set(moderator.auth)
          .send({ action: 'approve' })
          .expect(204);
        const last = await seenBy(reader, older.id);
        expect(last.topicCount).toBe(seen.topicCount + 1);
        expect(last.latest[0]).toBe((heldTopic.body as { id: string }).id);
      } finally {
        const words = await get<{ items: { id: string; word: string }[] }>('/api/admin/watched-words', admin);
        for (const word of words.items.filter((entry) => entry.word === 'quiet pink')) {
          await t.http().delete(`/api/admin/watched-words/${word.id}`).set(admin.auth).expect(204);
        }
      }
    });
  });

  describe('the moderation log', () => {
    it("shows a site moderator nothing of a group's private space, not even its owner's note; admins see all", async () => {
      const owner = await newMember(t);
      const member = await newMember(t);
      const reporter = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      await addToGroup(t, group, owner, member);
      await addToGroup(t, group, owner, reporter);
      const space = await newGroupCategory(t, owner, group);
      const topic = await newTopic(t, member, space, 'said in the private space');
      await t
        .http()
        .post('/api/flags')
        .set(reporter.auth)
        .send({ targetType: 'post', targetId: topic.firstPost.id, reason: 'other' })
        .expect(201);
      const privateItem = await queueItem(owner, topic.firstPost.id);
      const note = 'Owner note: this member is in a custody case';
      await t.http().post(`/api/moderation/flags/${privateItem.id}/resolve`).set(owner.auth).send({ action: 'hide', note }).expect(204);
      // The same kind of decision in a site category, which site moderators do moderate.
      const siteTopic = await newTopic(t, member, category, 'said in public');
      await t
        .http()
        .post('/api/flags')
        .set(reporter.auth)
        .send({ targetType: 'post', targetId: siteTopic.firstPost.id, reason: 'spam' })
        .expect(201);
      const siteItem = await queueItem(moderator, siteTopic.firstPost.id);
      await t
        .http()
        .post(`/api/moderation/flags/${siteItem.id}/resolve`)
        .set(moderator.auth)
        .send({ action: 'hide', note: 'site note' })
        .expect(204);

      const seenByModerator = (await get<PageDto<ModerationLogEntryDto>>('/api/moderation/log?limit=100', moderator)).items;
      expect(seenByModerator.map((entry) => entry.targetId)).toContain(siteTopic.firstPost.id);
      expect(seenByModerator.map((entry) => entry.targetId)).not.toContain(topic.firstPost.id);
      expect(JSON.stringify(seenByModerator)).not.toContain('custody');
      const filtered = await get<PageDto<ModerationLogEntryDto>>(`/api/moderation/log?targetId=${topic.firstPost.id}`, moderator);
      expect(filtered.items).toEqual([]);

      const seenByAdmin = (await get<PageDto<ModerationLogEntryDto>>(`/api/moderation/log?targetId=${topic.firstPost.id}`, admin)).items;
      expect(seenByAdmin).toMatchObject([{ action: 'flag.hide', reason: note, actor: { id: owner.user.id } }]);
    });
  });

  describe('revisions', () => {
    it('name the author when the author edited; a staff edit reads "moderator" to members and guests, not to staff', async () => {
      const author = await newMember(t);
      const member = await newMember(t);
      const topic = await newTopic(t, author, category, 'first words');
      const postId = topic.firstPost.id;
      await t.http().patch(`/api/posts/${postId}`).set(author.auth).send({ body: 'second words' }).expect(200);
      await t.http().patch(`/api/posts/${postId}`).set(moderator.auth).send({ body: 'third words' }).expect(200);
      const expectedPublic = [
        { body: 'second words', editorId: null, editedBy: 'moderator' },
        { body: 'first words', editorId: author.user.id, editedBy: 'author' },
      ];
      for (const who of [null, member, author]) {
        const { items } = await get<{ items: RevisionDto[] }>(`/api/posts/${postId}/revisions`, who);
        expect(items).toMatchObject(expectedPublic);
        expect(JSON.stringify(items)).not.toContain(moderator.user.id);
      }
      for (const who of [moderator, admin]) {
        const { items } = await get<{ items: RevisionDto[] }>(`/api/posts/${postId}/revisions`, who);
        expect(items).toMatchObject([
          { body: 'second words', editorId: moderator.user.id, editedBy: 'moderator' },
          { body: 'first words', editorId: author.user.id, editedBy: 'author' },
        ]);
      }
    });
  });

  describe('content warnings', () => {
    const secret = 'zanzibarwords';

    it('search shows the warning, not the words, and a snippet carries no Markdown', async () => {
      const author = await newMember(t);
      const topic = await newTopic(t, author, category, 'an opening post');
      await t
        .http()
        .post(`/api/topics/${topic.id}/posts`)
        .set(author.auth)
        .send({ body: `What happened: ${secret} and more`, contentWarning: 'overdose' })
        .expect(201);
      await newReply(t, author, topic.id, '## Kits\n\n**Free** quetzalkits at [the van](https://example.org/van) & `more`');

      const warned = (await get<PageDto<SearchHitDto>>(`/api/search?q=${secret}`, null)).items;
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ contentWarning: 'overdose', snippet: '' });
      expect(JSON.stringify(warned)).not.toContain(secret);

      const [plain] = (await get<PageDto<SearchHitDto>>('/api/search?q=quetzalkits', null)).items;
      expect(plain!.contentWarning).toBeNull();
      expect(plain!.snippet).toContain('<mark>quetzalkits</mark>');
      expect(plain!.snippet).toContain('the van &amp; more');
      expect(plain!.snippet).not.toMatch(/\*\*|##|\]\(|`|example\.org/);
    });

    it('notification emails, digests and live notifications show the warning, never the words', async () => {
      const author = await newMember(t);
      const digestReader = await newMember(t);
      const replier = await newMember(t);
      const topic = await newTopic(t, author, category);
      const digestTopic = await newTopic(t, digestReader, category);
      await t
        .http()
        .patch('/api/notifications/preferences')
        .set(digestReader.auth)
        .send({ digest: 'daily', deliveries: { reply: 'in_app' } })
        .expect(200);
      const tab = await connectSocket(t.baseUrl, { token: author.token });
      sockets.push(tab);
      const pushed = nextEvent<NotificationDto>(tab, 'notification');
      const body = `**Bold** ${secret} details`;
      await t.http().post(`/api/topics/${topic.id}/posts`).set(replier.auth).send({ body, contentWarning: 'violence' }).expect(201);
      await t.http().post(`/api/topics/${digestTopic.id}/posts`).set(replier.auth).send({ body, contentWarning: 'violence' }).expect(201);

      const live = await pushed;
      expect(live).toMatchObject({ type: 'reply', topicId: topic.id, data: { contentWarning: 'violence' } });
      expect(JSON.stringify(live)).not.toContain(secret);

      const mail = await t.smtp!.waitFor(author.user.email);
      expect(mail.text).toContain('Content warning: violence');
      expect(mail.html).toContain('Content warning: violence');
      expect(mail.text + mail.html).not.toContain(secret);

      // The digest reader's notification is in the app only; the summary announces it with its warning.
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const items = (await get<PageDto<NotificationDto>>('/api/notifications', digestReader)).items;
        if (items.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await t.app.get(NotificationDigest).sendDue()).toBeGreaterThanOrEqual(1);
      const digest = await t.smtp!.waitFor(digestReader.user.email);
      expect(digest.subject).toContain('daily summary');
      expect(digest.text).toContain('Content warning: violence');
      expect(digest.text + digest.html).not.toContain(secret);
    });

    it('a notification email without a warning quotes the words as text, not Markdown', async () => {
      const author = await newMember(t);
      const replier = await newMember(t);
      const topic = await newTopic(t, author, category);
      await newReply(t, replier, topic.id, '**Free** kits at [the van](https://example.org/van)');
      const mail = await t.smtp!.waitFor(author.user.email);
      expect(mail.text).toContain('Free kits at the van');
      expect(mail.text).not.toMatch(/\*\*|\]\(/);
    });
  });

  describe('Cache-Control', () => {
    it('private, no-store on every signed-in answer and every read of a private space; public anonymous reads are left alone', async () => {
      const owner = await newMember(t);
      const outsider = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      const space = await newGroupCategory(t, owner, group);
      const topic = await newTopic(t, owner, space, 'private words');

      const me = await t.http().get('/api/me').set(owner.auth).expect(200);
      expect(me.headers['cache-control']).toBe('private, no-store');
      for (const path of [`/api/topics/${topic.id}`, `/api/topics/${topic.id}/posts`, `/api/categories/${space}`]) {
        expect((await t.http().get(path).set(owner.auth).expect(200)).headers['cache-control']).toBe('private, no-store');
        // A private thing answers the same 404 as a missing one, and that answer is not cached either.
        expect((await t.http().get(path).set(outsider.auth).expect(404)).headers['cache-control']).toBe('private, no-store');
      }
      const publicTopic = await newTopic(t, owner, category);
      const anonymous = await t.http().get(`/api/topics/${publicTopic.id}`).expect(200);
      expect(anonymous.headers['cache-control'] ?? '').not.toContain('no-store');
      expect((await t.http().get(`/api/topics/${publicTopic.id}`).set(outsider.auth).expect(200)).headers['cache-control']).toBe(
        'private, no-store',
      );
    });
  });
});
