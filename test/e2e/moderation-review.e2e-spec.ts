import type { NotificationDto, PageDto, WatchedWordDto } from '@harbour/contracts';
import type { TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newReply, newTopic } from '../support/forum';
import { logOf, moderationNotices, moderationStage, queue } from '../support/moderation';

describe('moderation of content', () => {
  let t: TestApp, admin: TestMember, moderator: TestMember, category: string;
  beforeAll(async () => ({ t, admin, moderator, category } = await moderationStage()));
  afterAll(() => t.close());
  describe('watched words, held posts and slow mode', () => {
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
        // Numbered now, and read by its author as any post of theirs: the topic is not unread to them.
        expect((await t.http().get(`/api/topics/${topic.id}`).set(writer.auth).expect(200)).body).toMatchObject({
          lastReadNumber: 2,
          unreadCount: 0,
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
  });
});
