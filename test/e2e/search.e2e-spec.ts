import type { PageDto, SearchHitDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';

describe('search', () => {
  let t: TestApp;
  let admin: TestMember;
  let alice: TestMember;
  let outsider: TestMember;
  let categoryId: string;

  const search = async (query: string, who?: TestMember): Promise<PageDto<SearchHitDto>> => {
    const call = t.http().get(`/api/search?${query}`);
    const response = await (who ? call.set(who.auth) : call).expect(200);
    return response.body as PageDto<SearchHitDto>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    alice = await newMember(t, { username: 'alice_search' });
    outsider = await newMember(t);
    categoryId = await newCategory(t, admin, 'Drug checking');
  });
  afterAll(() => t.close());

  it('finds posts by stemmed words in English and in French, with highlighted, escaped snippets', async () => {
    const topic = await newTopic(
      t,
      alice,
      categoryId,
      'The outreach workers were testing <b>samples</b> & strips of the new supply every night.',
    );
    await newReply(t, alice, topic.id, 'Les intervenants de la ville distribuaient des trousses de naloxone dans le quartier.');
    const english = await search('q=tested%20sample');
    expect(english.items).toHaveLength(1);
    expect(english.items[0]).toMatchObject({ topicId: topic.id, postId: topic.firstPost.id, author: { username: 'alice_search' } });
    expect(english.items[0]!.snippet).toContain('<mark>testing</mark>');
    // PostgreSQL drops the tags from the headline; what stays is escaped, so only <mark> is markup.
    expect(english.items[0]!.snippet).toContain('&amp; strips');
    expect(english.items[0]!.snippet).not.toContain('<b>');
    const french = await search('q=trousse%20distribuer');
    expect(french.items.map((hit) => hit.topicId)).toEqual([topic.id]);
    expect(french.items[0]!.snippet).toContain('<mark>trousses</mark>');
  });

  it('finds topics by their title', async () => {
    const topic = await newTopic(t, alice, categoryId, 'Nothing relevant in the body.');
    const title = (await t.http().get(`/api/topics/${topic.id}`)).body.title as string;
    const hits = await search(`q=${encodeURIComponent(title)}`);
    expect(hits.items[0]?.topicId).toBe(topic.id);
  });

  it('filters by category, group, author and date, and pages with a cursor', async () => {
    const other = await newCategory(t, admin, 'Housing');
    for (let i = 0; i < 5; i++) await newTopic(t, alice, other, `Shelter beds report number ${i}`);
    await newTopic(t, outsider, categoryId, 'Shelter beds elsewhere');
    expect((await search(`q=shelter&categoryId=${other}`)).items).toHaveLength(5);
    expect((await search('q=shelter&author=ALICE_SEARCH')).items).toHaveLength(5);
    expect((await search('q=shelter&before=2000-01-01')).items).toHaveLength(0);
    const first = await search('q=shelter&limit=4');
    expect(first.items).toHaveLength(4);
    const second = await search(`q=shelter&limit=4&cursor=${first.nextCursor!}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((hit) => hit.postId);
    expect(new Set(ids).size).toBe(6);
  });

  it('never finds deleted or hidden posts', async () => {
    const topic = await newTopic(t, alice, categoryId, 'A post about zopiclone');
    const reply = await newReply(t, alice, topic.id, 'Another about zopiclone');
    await t.http().delete(`/api/posts/${reply.id}`).set(alice.auth).expect(204);
    await sql(t.databaseUrl, 'UPDATE posts SET hidden = true WHERE id = $1', [topic.firstPost.id]);
    expect((await search('q=zopiclone')).items).toHaveLength(0);
  });

  it('finds private spaces only for their members, filtering inside the query', async () => {
    const group = await newGroup(t, admin, 'private');
    await addToGroup(t, group, admin, alice);
    const space = await newGroupCategory(t, admin, group);
    await newTopic(t, alice, space, 'Our xylazine wound care protocol');
    expect((await search('q=xylazine', alice)).items).toHaveLength(1);
    expect((await search(`q=xylazine&groupId=${group.id}`, alice)).items).toHaveLength(1);
    expect((await search('q=xylazine', outsider)).items).toHaveLength(0);
    expect((await search(`q=xylazine&groupId=${group.id}`, outsider)).items).toHaveLength(0);
    expect((await search('q=xylazine')).items).toHaveLength(0);
  });

  it('answers hostile queries with 200 or a 400 naming the field, never a 500', async () => {
    const hostile = [
      '"unclosed',
      '& | ! ( ) : *',
      "'; DROP TABLE posts; --",
      '-',
      'a'.repeat(500),
      '<script>alert(1)</script>',
      'naloxone:* & !',
      '\u202e\u0000',
      '🙂🙂🙂',
    ];
    for (const q of hostile) {
      const response = await t.http().get(`/api/search?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(response.status);
    }
    const long = await t
      .http()
      .get(`/api/search?q=${'a'.repeat(501)}`)
      .expect(400);
    expect(JSON.stringify(long.body.message)).toContain('q');
    const bad = await t.http().get('/api/search?q=x&categoryId=nope&after=yesterday&cursor=zzz&limit=1000').expect(400);
    const message = JSON.stringify(bad.body.message);
    for (const field of ['categoryId', 'after', 'limit']) expect(message).toContain(field);
    await t.http().get('/api/search?q=x&cursor=bm90LWEtY3Vyc29y').expect(400);
  });
});
