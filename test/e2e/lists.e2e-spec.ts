import type { BookmarkDto, PageDto, TopicDto, TopicWithFirstPostDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

/**
 * The topic lists (api.md 1.1, "Drafts, reading position, lists" and Precisions): latest, unread, new and
 * top (by period), site-wide and per category, and the Bookmarks page, as members and visitors see them.
 */
describe('topic lists: latest, unread, new, top, per category, and bookmarks', () => {
  let t: TestApp;
  let admin: TestMember;
  let alice: TestMember;
  let bob: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    alice = await newMember(t, { username: 'alice_lists' });
    bob = await newMember(t, { username: 'bob_lists' });
  });
  afterAll(() => t.close());

  async function list(path: string, member: TestMember | null): Promise<PageDto<TopicDto>> {
    const request = t.http().get(path);
    const response = await (member ? request.set(member.auth) : request).expect(200);
    return response.body as PageDto<TopicDto>;
  }
  const ids = (page: PageDto<TopicDto>) => page.items.map((topic) => topic.id);
  const read = (member: TestMember, topicId: string, postId: string) =>
    t.http().put(`/api/topics/${topicId}/read`).set(member.auth).send({ postId }).expect(204);

  /** Every page of a list, following nextCursor, `limit` at a time. */
  async function allPages(path: string, member: TestMember | null, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const separator = path.includes('?') ? '&' : '?';
      const page = await list(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, member);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('the list never ended');
  }

  it('new: topics the member never opened, newest first; opening one moves it out; unread: replies after reading', async () => {
    const categoryId = await newCategory(t, admin);
    const first = await newTopic(t, alice, categoryId);
    const second = await newTopic(t, alice, categoryId);
    const base = `/api/categories/${categoryId}/topics`;
    // The author has read what they wrote: neither new nor unread to them.
    expect(ids(await list(`${base}?filter=new`, alice))).toEqual([]);
    expect(ids(await list(`${base}?filter=unread`, alice))).toEqual([]);
    const fresh = await list(`${base}?filter=new`, bob);
    expect(ids(fresh)).toEqual([second.id, first.id]);
    expect(fresh.items[0]).toMatchObject({ lastReadNumber: null, unreadCount: 1 });
    expect(ids(await list(`${base}?filter=unread`, bob))).toEqual([]);

    await read(bob, first.id, first.firstPost.id);
    expect(ids(await list(`${base}?filter=new`, bob))).toEqual([second.id]);
    expect(ids(await list(`${base}?filter=unread`, bob))).toEqual([]);
    await newReply(t, alice, first.id, 'A second post');
    const reply = await newReply(t, alice, first.id, 'A third post');
    const unread = await list(`${base}?filter=unread`, bob);
    expect(ids(unread)).toEqual([first.id]);
    expect(unread.items[0]).toMatchObject({ lastReadNumber: 1, unreadCount: 2, postCount: 3 });
    expect((await list(`${base}?filter=unread`, alice)).items).toEqual([]);

    // Muting does not hide it from unread (api.md: whatever the notification level).
    await t.http().put(`/api/topics/${first.id}/notification-level`).set(bob.auth).send({ level: 'muted' }).expect(204);
    expect((await list(`${base}?filter=unread`, bob)).items[0]).toMatchObject({ id: first.id, notificationLevel: 'muted' });
    await read(bob, first.id, reply.id);
    expect(ids(await list(`${base}?filter=unread`, bob))).toEqual([]);
    const latest = await list(base, bob);
    expect(latest.items.find((topic) => topic.id === first.id)).toMatchObject({ lastReadNumber: 3, unreadCount: 0 });
    // A category's page tells the member their own level there (the level menu shows it); a visitor has none.
    await t.http().put(`/api/categories/${categoryId}/notification-level`).set(bob.auth).send({ level: 'watching' }).expect(204);
    expect((await t.http().get(`/api/categories/${categoryId}`).set(bob.auth).expect(200)).body.notificationLevel).toBe('watching');
    expect((await t.http().get(`/api/categories/${categoryId}`).set(alice.auth).expect(200)).body.notificationLevel).toBe('normal');
    expect((await t.http().get(`/api/categories/${categoryId}`).expect(200)).body).not.toHaveProperty('notificationLevel');
    // The same lists site-wide hold these topics too.
    expect(ids(await list('/api/topics?filter=new', bob))).toContain(second.id);
    expect(ids(await list('/api/topics?filter=new', bob))).not.toContain(first.id);
  });

  it('latest: by last activity site-wide; a category pins first; pages follow each other without gaps or repeats', async () => {
    const categoryId = await newCategory(t, admin);
    const topics: TopicWithFirstPostDto[] = [];
    for (let i = 0; i < 5; i += 1) topics.push(await newTopic(t, alice, categoryId));
    await newReply(t, bob, topics[1]!.id);
    await t.http().patch(`/api/topics/${topics[3]!.id}`).set(admin.auth).send({ pinned: true }).expect(200);
    const byActivity = [topics[1]!.id, topics[4]!.id, topics[3]!.id, topics[2]!.id, topics[0]!.id];
    const base = `/api/categories/${categoryId}/topics`;
    expect(await allPages(`${base}?filter=latest`, bob, 2)).toEqual([topics[3]!.id, ...byActivity.filter((id) => id !== topics[3]!.id)]);
    const everywhere = await allPages('/api/topics', null, 3);
    expect(everywhere.filter((id) => byActivity.includes(id))).toEqual(byActivity);
    expect(new Set(everywhere).size).toBe(everywhere.length);
    // A visitor gets no reading state.
    const visitor = await list(base, null);
    expect(visitor.items[0]).not.toHaveProperty('lastReadNumber');
    expect(visitor.items[0]).not.toHaveProperty('unreadCount');
  });

  it('top: posts and reactions in the period, busiest first; older activity counts only in longer periods', async () => {
    const categoryId = await newCategory(t, admin);
    const quiet = await newTopic(t, alice, categoryId);
    const busy = await newTopic(t, alice, categoryId);
    const liked = await newTopic(t, alice, categoryId);
    const old = await newTopic(t, alice, categoryId);
    const busyReplies = [await newReply(t, bob, busy.id), await newReply(t, bob, busy.id), await newReply(t, bob, busy.id)];
    for (const emoji of ['👍', '❤️']) {
      await t
        .http()
        .put(`/api/posts/${liked.firstPost.id}/reactions/${encodeURIComponent(emoji)}`)
        .set(bob.auth)
        .expect(204);
    }
    for (let i = 0; i < 5; i += 1) await newReply(t, bob, old.id);
    await sql(t.databaseUrl, "UPDATE posts SET created_at = now() - interval '20 days' WHERE topic_id = $1", [old.id]);
    const base = `/api/categories/${categoryId}/topics?filter=top`;
    expect(await allPages(`${base}&period=day`, bob, 1)).toEqual([busy.id, liked.id, quiet.id]);
    expect(ids(await list(`${base}&period=week`, bob))).not.toContain(old.id);
    expect(ids(await list(`${base}&period=month`, bob))).toEqual([old.id, busy.id, liked.id, quiet.id]);
    expect(ids(await list(`${base}&period=year`, null))).toEqual([old.id, busy.id, liked.id, quiet.id]);
    // A deleted post is no activity: busy drops to liked's score (3 each), then the tie goes by id.
    await t.http().delete(`/api/posts/${busyReplies[0]!.id}`).set(bob.auth).expect(204);
    const tied = ids(await list(`${base}&period=day`, bob));
    expect(tied.slice(0, 2).sort()).toEqual([busy.id, liked.id].sort());
    expect(tied.slice(0, 2)).toEqual([busy.id, liked.id].sort().reverse());
  });

  it('never lists a private space to outsiders, in any list, nor a held topic to others', async () => {
    const group = await newGroup(t, alice, 'private');
    await addToGroup(t, group, alice, bob);
    const outsider = await newMember(t);
    const categoryId = await newGroupCategory(t, alice, group);
    const secret = await newTopic(t, alice, categoryId);
    await newReply(t, bob, secret.id);
    await t
      .http()
      .put(`/api/posts/${secret.firstPost.id}/reactions/${encodeURIComponent('👍')}`)
      .set(bob.auth)
      .expect(204);
    for (const filter of ['latest', 'new', 'unread', 'top']) {
      expect(ids(await list(`/api/topics?filter=${filter}&period=day`, outsider))).not.toContain(secret.id);
      if (filter !== 'new' && filter !== 'unread') expect(ids(await list(`/api/topics?filter=${filter}`, null))).not.toContain(secret.id);
      const missing = await t.http().get(`/api/categories/${categoryId}/topics?filter=${filter}`).set(outsider.auth).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, message: 'Not Found' });
    }
    expect(ids(await list('/api/topics?filter=top&period=day', bob))).toContain(secret.id);
    expect(ids(await list('/api/topics?filter=new', outsider))).not.toContain(secret.id);

    // A topic held for review is its author's (and its moderators') until approved.
    const openCategory = await newCategory(t, admin);
    const held = await newTopic(t, alice, openCategory);
    await newReply(t, alice, held.id);
    await sql(t.databaseUrl, 'UPDATE topics SET pending_review = true WHERE id = $1', [held.id]);
    for (const filter of ['latest', 'new', 'top']) {
      expect(ids(await list(`/api/topics?filter=${filter}`, outsider))).not.toContain(held.id);
      expect(ids(await list(`/api/categories/${openCategory}/topics?filter=${filter}`, outsider))).not.toContain(held.id);
    }
    expect(ids(await list(`/api/categories/${openCategory}/topics`, alice))).toEqual([held.id]);
  });

  it('answers a visitor asking for unread or new 401, and hostile query values 400 naming the field', async () => {
    for (const filter of ['unread', 'new']) {
      const refused = await t.http().get(`/api/topics?filter=${filter}`).expect(401);
      expect(refused.body.message).toMatch(/sign in/i);
    }
    const categoryId = await newCategory(t, admin);
    const bad: [string, RegExp][] = [
      ['filter=hot', /filter must be one of latest, unread, new, top/],
      ["filter=latest'--", /filter/],
      ['filter=top&period=decade', /period must be one of day, week, month, year/],
      ['filter[]=new', /filter/],
      ['cursor=not-a-cursor', /cursor/],
      [`cursor=${Buffer.from("0|2026-01-01T00:00:00.000Z|x' OR 1=1").toString('base64url')}`, /cursor/],
      [
        `filter=top&cursor=${Buffer.from('s|2026-01-01T00:00:00.000Z|-1|00000000-0000-4000-8000-000000000000').toString('base64url')}`,
        /cursor/,
      ],
      [
        `filter=new&cursor=${Buffer.from('0|2026-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url')}`,
        /cursor/,
      ],
      ['limit=0', /limit/],
      ['limit=101', /limit/],
    ];
    for (const [query, message] of bad) {
      for (const path of ['/api/topics', `/api/categories/${categoryId}/topics`]) {
        const response = await t.http().get(`${path}?${query}`).set(bob.auth).expect(400);
        expect(JSON.stringify(response.body.message)).toMatch(message);
      }
    }
    // A period beside another filter is ignored (a tab switch keeps the URL's period).
    await t.http().get('/api/topics?filter=latest&period=year').expect(200);
  });

  it('bookmarks: a cursor page of posts with their topic, newest first, only those still visible', async () => {
    const categoryId = await newCategory(t, admin);
    const group = await newGroup(t, alice, 'private');
    await addToGroup(t, group, alice, bob);
    const spaceId = await newGroupCategory(t, alice, group);
    const topic = await newTopic(t, alice, categoryId);
    const replies = [await newReply(t, alice, topic.id, 'one'), await newReply(t, alice, topic.id, 'two')];
    const inSpace = await newTopic(t, alice, spaceId);
    const marks = [topic.firstPost.id, replies[0]!.id, inSpace.firstPost.id, replies[1]!.id];
    for (const postId of marks) await t.http().put(`/api/posts/${postId}/bookmark`).set(bob.auth).expect(204);
    const first = (await t.http().get('/api/bookmarks?limit=3').set(bob.auth).expect(200)).body as PageDto<BookmarkDto>;
    expect(first.items.map((post) => post.id)).toEqual([replies[1]!.id, inSpace.firstPost.id, replies[0]!.id]);
    expect(first.items[0]).toMatchObject({ bookmarked: true, number: 3, topic: { id: topic.id, title: topic.title, slug: topic.slug } });
    const second = (await t.http().get(`/api/bookmarks?limit=3&cursor=${first.nextCursor}`).set(bob.auth).expect(200))
      .body as PageDto<BookmarkDto>;
    expect(second).toMatchObject({ items: [{ id: topic.firstPost.id }], nextCursor: null });
    // Leaving the group takes its space's posts out of the list.
    await t.http().delete(`/api/groups/${group.slug}/members/${bob.user.id}`).set(bob.auth).expect(204);
    const after = (await t.http().get('/api/bookmarks').set(bob.auth).expect(200)).body as PageDto<BookmarkDto>;
    expect(after.items.map((post) => post.id)).toEqual([replies[1]!.id, replies[0]!.id, topic.firstPost.id]);
    await t.http().get('/api/bookmarks?cursor=junk').set(bob.auth).expect(400);
    await t.http().get('/api/bookmarks').expect(401);
  });
});
