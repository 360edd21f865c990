import type { PostDto, TopicDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('threaded discussion', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let categoryId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    alice = await newMember(t, { username: 'alice' });
    bob = await newMember(t, { username: 'bob' });
    categoryId = await newCategory(t, admin, 'Drug checking');
  });
  afterAll(() => t.close());

  describe('categories', () => {
    it('are created by admins, with a unique slug, nested one level', async () => {
      const created = await t
        .http()
        .post('/api/categories')
        .set(admin.auth)
        .send({ name: 'Drug checking', description: 'Services' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Drug checking',
        slug: 'drug-checking-2',
        description: 'Services',
        groupId: null,
        parentId: null,
        topicCount: 0,
        sharedGroupIds: [],
        access: { see: 'everyone', start: 'everyone', reply: 'everyone' },
        private: false,
        // api.md 1.1: no colour of its own yet, after the site's other category, nothing anonymous, no support desk.
        color: null,
        position: 1,
        anonymous: 'off',
        anonymousReview: false,
        topicsVisibleTo: 'everyone',
        // api.md 1.1: what the caller (an admin) may do here.
        can: { startTopic: true, moderate: true, edit: true },
      });
      const child = await t
        .http()
        .post('/api/categories')
        .set(admin.auth)
        .send({ name: 'Fentanyl strips', parentId: created.body.id })
        .expect(201);
      expect(child.body.parentId).toBe(created.body.id);
      const grandchild = await t
        .http()
        .post('/api/categories')
        .set(admin.auth)
        .send({ name: 'Too deep', parentId: child.body.id })
        .expect(400);
      expect(grandchild.body.message).toMatch(/parentId/);
      await t.http().post('/api/categories').set(alice.auth).send({ name: 'Mine' }).expect(403);
      await t.http().post('/api/categories').set(admin.auth).send({ name: '' }).expect(400);
      await t.http().post('/api/categories').set(admin.auth).send({ name: 'x', color: 'red' }).expect(400);
      await t.http().post('/api/categories').set(admin.auth).send({ name: 'evil\u202Ename' }).expect(400);
    });

    it('are listed for anyone, and found by id', async () => {
      const list = await t.http().get('/api/categories').expect(200);
      expect(list.body.items.map((c: { name: string }) => c.name)).toContain('Drug checking');
      await t.http().get(`/api/categories/${categoryId}`).expect(200);
      await t.http().get(`/api/categories/${MISSING}`).expect(404);
      await t.http().get('/api/categories/not-an-id').expect(404);
    });
  });

  describe('topics', () => {
    it('start with their first post, count in the category, and render Markdown safely', async () => {
      const response = await t
        .http()
        .post('/api/topics')
        .set(alice.auth)
        .send({
          categoryId,
          title: '  Naloxone kits: où les trouver ?  ',
          body: 'Hi **all** <script>alert(1)</script> @bob',
          contentWarning: 'overdose',
        })
        .expect(201);
      const topic = response.body as TopicDto & { firstPost: PostDto };
      expect(topic).toMatchObject({
        title: 'Naloxone kits: où les trouver ?',
        slug: 'naloxone-kits-ou-les-trouver',
        postCount: 1,
        pinned: false,
        locked: false,
      });
      expect(topic.author).toMatchObject({ username: 'alice' });
      expect(topic.author).not.toHaveProperty('email');
      expect(topic.firstPost).toMatchObject({ number: 1, contentWarning: 'overdose', body: 'Hi **all** <script>alert(1)</script> @bob' });
      expect(topic.firstPost.html).toContain('<strong>all</strong>');
      expect(topic.firstPost.html).not.toContain('<script');
      expect(topic.firstPost.html).toContain('href="/u/bob"');
      const mentions = await sql(t.databaseUrl, 'SELECT user_id FROM mentions WHERE post_id = $1', [topic.firstPost.id]);
      expect(mentions).toEqual([{ user_id: bob.user.id }]);
      const category = await t.http().get(`/api/categories/${categoryId}`).expect(200);
      expect(category.body.topicCount).toBeGreaterThanOrEqual(1);
    });

    it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
      const before = await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM topics');
      const cases: [object, string][] = [
        [{ categoryId, title: 'ab', body: 'x' }, 'title'],
        [{ categoryId, title: 'Good title', body: '' }, 'body'],
        [{ categoryId, title: 'Good title', body: 'x'.repeat(50_001) }, 'body'],
        [{ categoryId: 'nope', title: 'Good title', body: 'x' }, 'categoryId'],
        [{ categoryId: MISSING, title: 'Good title', body: 'x' }, 'categoryId'],
        [{ categoryId, title: 'Good title', body: 'x', sticky: true }, 'sticky'],
        [{ categoryId, title: 'Good title', body: 'nul\u0000byte' }, 'body'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http().post('/api/topics').set(alice.auth).send(body).expect(400);
        expect(JSON.stringify(response.body.message)).toContain(field);
      }
      expect(await sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM topics')).toEqual(before);
    });

    it('list pinned first, then by last activity, with unread counts for members', async () => {
      const cat = await newCategory(t, admin);
      const old = await newTopic(t, alice, cat);
      const pinned = await newTopic(t, alice, cat);
      const fresh = await newTopic(t, alice, cat);
      await t.http().patch(`/api/topics/${pinned.id}`).set(moderator.auth).send({ pinned: true }).expect(200);
      await newReply(t, bob, old.id);
      const list = await t.http().get(`/api/categories/${cat}/topics`).set(moderator.auth).expect(200);
      expect(list.body.items.map((topic: TopicDto) => topic.id)).toEqual([pinned.id, old.id, fresh.id]);
      expect(list.body.items[1]).toMatchObject({ postCount: 2, unreadCount: 2, lastReadNumber: null });
      // Writing a post reads the topic up to it.
      const replier = await t.http().get(`/api/topics/${old.id}`).set(bob.auth).expect(200);
      expect(replier.body).toMatchObject({ unreadCount: 0, lastReadNumber: 2 });

      await t.http().put(`/api/topics/${old.id}/read`).set(moderator.auth).send({ postId: old.firstPost.id }).expect(204);
      const after = await t.http().get(`/api/topics/${old.id}`).set(moderator.auth).expect(200);
      expect(after.body).toMatchObject({ unreadCount: 1, lastReadNumber: 1 });
      const anonymous = await t.http().get(`/api/categories/${cat}/topics`).expect(200);
      expect(anonymous.body.items[0]).not.toHaveProperty('unreadCount');

      const paged = await t.http().get(`/api/categories/${cat}/topics?limit=2`).expect(200);
      expect(paged.body.items).toHaveLength(2);
      const rest = await t
        .http()
        .get(`/api/categories/${cat}/topics?limit=2&cursor=${paged.body.nextCursor as string}`)
        .expect(200);
      expect(rest.body.items.map((topic: TopicDto) => topic.id)).toEqual([fresh.id]);
      expect(rest.body.nextCursor).toBeNull();
      await t.http().get(`/api/categories/${cat}/topics?cursor=bogus`).expect(400);
    });

    it('let the author retitle, and only staff move, pin and lock', async () => {
      const cat = await newCategory(t, admin);
      const other = await newCategory(t, admin);
      const topic = await newTopic(t, alice, cat);
      const retitled = await t.http().patch(`/api/topics/${topic.id}`).set(alice.auth).send({ title: 'A better title' }).expect(200);
      expect(retitled.body).toMatchObject({ title: 'A better title', slug: 'a-better-title' });
      await t.http().patch(`/api/topics/${topic.id}`).set(bob.auth).send({ title: 'Hijacked' }).expect(403);
      await t.http().patch(`/api/topics/${topic.id}`).set(alice.auth).send({ locked: true }).expect(403);
      await t.http().patch(`/api/topics/${topic.id}`).set(moderator.auth).send({ categoryId: MISSING }).expect(400);
      const moved = await t
        .http()
        .patch(`/api/topics/${topic.id}`)
        .set(moderator.auth)
        .send({ categoryId: other, locked: true })
        .expect(200);
      expect(moved.body).toMatchObject({ categoryId: other, locked: true });
      expect((await t.http().get(`/api/categories/${cat}`)).body.topicCount).toBe(0);
      expect((await t.http().get(`/api/categories/${other}`)).body.topicCount).toBe(1);
      const locked = await t.http().post(`/api/topics/${topic.id}/posts`).set(bob.auth).send({ body: 'Let me in' }).expect(422);
      expect(locked.body.message).toMatch(/locked/);
      await t.http().post(`/api/topics/${topic.id}/posts`).set(moderator.auth).send({ body: 'Staff note' }).expect(201);
    });

    it('appear in the latest list, newest activity first', async () => {
      const topic = await newTopic(t, bob, categoryId);
      const latest = await t.http().get('/api/topics?limit=5').expect(200);
      expect(latest.body.items[0].id).toBe(topic.id);
    });
  });
});
