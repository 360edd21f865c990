import type { PostDto, TopicPostsPageDto } from '@harbour/contracts';
import { TopicPageCache } from '@harbour/forum';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory } from '../support/forum';
import { longTopic } from '../support/reading';

/** Reading a topic from any post: `?around=` (deep links) and `?before=` (paging upwards). */
describe('reading a topic from any post', () => {
  let t: TestApp;
  let admin: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let topicId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    alice = await newMember(t, { username: 'alice' });
    bob = await newMember(t, { username: 'bob' });
    const categoryId = await newCategory(t, admin, 'Harm reduction');
    topicId = (await longTopic(t, alice, categoryId, 120)).id;
  });
  afterAll(() => t.close());

  const page = async (query: string, who?: TestMember): Promise<TopicPostsPageDto> => {
    const request = t.http().get(`/api/topics/${topicId}/posts?${query}`);
    if (who) void request.set(who.auth);
    return (await request.expect(200)).body as TopicPostsPageDto;
  };
  const numbers = (items: PostDto[]): (number | null)[] => items.map((post) => post.number);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('answers the page holding a post: a few posts before it, the rest after, and ways to go up and down', async () => {
    const middle = await page('around=61');
    expect(numbers(middle.items)).toEqual(range(56, 75));
    expect(middle.items.find((post) => post.number === 61)?.body).toBe('Post 61');
    expect(middle.before).toBe(56);
    const below = await page(`cursor=${middle.nextCursor}`);
    expect(numbers(below.items)).toEqual(range(76, 95));
    const above = await page(`before=${middle.before}`);
    expect(numbers(above.items)).toEqual(range(36, 55));
    expect(above.before).toBe(36);
    expect(numbers((await page(`cursor=${above.nextCursor}`)).items)).toEqual(range(56, 75));
  });

  it('answers the first page for the first post and the last page for the last one or any number past the end', async () => {
    const first = await page('around=1');
    expect(numbers(first.items)).toEqual(range(1, 20));
    expect(first.before).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    for (const around of [120, 118, 121, 999_999]) {
      const last = await page(`around=${around}`);
      expect([around, numbers(last.items)]).toEqual([around, range(101, 120)]);
      expect(last.nextCursor).toBeNull();
      expect(last.before).toBe(101);
    }
    // A small page keeps its lead in proportion: 2 posts above out of 8.
    expect(numbers((await page('around=50&limit=8')).items)).toEqual(range(48, 55));
  });

  it('covers every post exactly once paging up and down from a deep link', async () => {
    const start = await page('around=43&limit=17', bob);
    const seen = numbers(start.items);
    for (let before = start.before; before !== null;) {
      const up = await page(`before=${before}&limit=17`, bob);
      seen.unshift(...numbers(up.items));
      before = up.before;
    }
    for (let cursor = start.nextCursor; cursor !== null;) {
      const down = await page(`cursor=${cursor}&limit=17`, bob);
      seen.push(...numbers(down.items));
      cursor = down.nextCursor;
    }
    expect(seen).toEqual(range(1, 120));
  });

  it('shows a hidden post as a blank place to others and never shows a held reply to those who may not see it', async () => {
    const [hidden] = await sql<{ id: string }>(
      t.databaseUrl,
      `UPDATE posts SET hidden = true WHERE topic_id = $1 AND number = 30 RETURNING id`,
      [topicId],
    );
    await sql(
      t.databaseUrl,
      `INSERT INTO posts (topic_id, number, author_id, body, html, pending_review) VALUES ($1, NULL, $2, 'Held words', '<p>Held words</p>', true)`,
      [topicId, bob.user.id],
    );
    t.app.get(TopicPageCache).clear();
    const asStranger = await page('around=30', bob);
    const place = asStranger.items.find((post) => post.number === 30);
    expect(place).toMatchObject({ id: hidden!.id, hidden: true, body: '' });
    expect(JSON.stringify(asStranger)).not.toContain('Post 30');
    expect((await page('around=30', alice)).items.find((post) => post.number === 30)?.body).toBe('Post 30');
    // The held reply has no number: past the end is the last page, with it only for those who may see it.
    const [asReader, asAuthor, asAdmin] = await Promise.all([
      page('around=500', alice),
      page('around=500', bob),
      page('around=500', admin),
    ]);
    expect(JSON.stringify(asReader)).not.toContain('Held words');
    expect(numbers(asReader.items)).toEqual(range(101, 120));
    expect(numbers(asAuthor.items)).toEqual([...range(101, 120), null]);
    expect(asAdmin.items.at(-1)?.body).toBe('Held words');
    // Paging up never brings a held reply.
    expect(JSON.stringify(await page('before=121', admin))).not.toContain('Held words');
    await sql(t.databaseUrl, `UPDATE posts SET hidden = false WHERE id = $1`, [hidden!.id]);
    await sql(t.databaseUrl, `DELETE FROM posts WHERE topic_id = $1 AND number IS NULL`, [topicId]);
    t.app.get(TopicPageCache).clear();
  });

  it('answers a private or missing topic’s deep link with the same 404', async () => {
    const privateTopic = await sql<{ id: string }>(
      t.databaseUrl,
      `INSERT INTO topics (category_id, author_id, title, slug, last_post_at, post_count) VALUES ($1, $2, 'Hidden room', 'hidden-room', now(), 1) RETURNING id`,
      [await newPrivateCategory(t), admin.user.id],
    );
    const privateId = privateTopic[0]!.id;
    await sql(t.databaseUrl, `INSERT INTO posts (topic_id, number, author_id, body, html) VALUES ($1, 1, $2, 'Secret', '<p>Secret</p>')`, [
      privateId,
      admin.user.id,
    ]);
    const missing = '00000000-0000-4000-8000-000000000000';
    const answers = await Promise.all(
      [`${privateId}/posts?around=1`, `${privateId}/posts?before=2`, `${missing}/posts?around=1`, `${missing}/posts?before=2`].map(
        async (path) => (await t.http().get(`/api/topics/${path}`).set(bob.auth).expect(404)).body as object,
      ),
    );
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(1);
    expect((await t.http().get(`/api/topics/${privateId}/posts?around=1`).set(admin.auth).expect(200)).body.items[0].body).toBe('Secret');
  });

  it('refuses junk with a 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['around=abc', /around/],
      ['around=0', /around/],
      ['around=-4', /around/],
      ['around=1.5', /around/],
      ['around=99999999999', /around/],
      ['before=x', /before/],
      ['before=0', /before/],
      ['around=3&before=9', /around/],
      ['around=3&after=2', /around/],
      ['before=3&cursor=bjE', /before/],
      ['around[]=3', /around/],
    ];
    for (const [query, field] of cases) {
      const response = await t.http().get(`/api/topics/${topicId}/posts?${query}`).expect(400);
      expect([query, JSON.stringify(response.body.message)]).toEqual([query, expect.stringMatching(field)]);
    }
  });
});
