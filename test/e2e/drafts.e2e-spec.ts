import { strFromU8, unzipSync } from 'fflate';
import type { DraftDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { MISSING } from '../support/authorization/matrix';
import { startConversation, sendMessage } from '../support/conversations';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newPrivateCategory, newReply, newTopic } from '../support/forum';

/** Drafts (api.md "Drafts, reading position, lists"): kept per member and place, gone once posted. */
describe('drafts', () => {
  let t: TestApp;
  let admin: TestMember;
  let writer: TestMember;
  let other: TestMember;
  let category: string;
  let topic: string;

  const put = (who: TestMember, key: string, body: unknown) =>
    t
      .http()
      .put(`/api/drafts/${key}`)
      .set(who.auth)
      .send(body as object);
  const get = (who: TestMember, key: string) => t.http().get(`/api/drafts/${key}`).set(who.auth);
  const rowsOf = async (who: TestMember) =>
    sql<{ key: string }>(t.databaseUrl, 'SELECT key FROM drafts WHERE user_id = $1 ORDER BY key', [who.user.id]);

  beforeAll(async () => {
    t = await startTestApp({ smtp: false });
    admin = await newMember(t, { role: 'admin' });
    writer = await newMember(t);
    other = await newMember(t);
    category = await newCategory(t, admin);
    topic = (await newTopic(t, other, category)).id;
  });
  afterAll(() => t.close());

  it('saves, reads back, replaces and throws away a draft', async () => {
    const key = `topic:${topic}`;
    await get(writer, key).expect(404);
    await put(writer, key, { body: 'Half a thought', contentWarning: 'grief' }).expect(204);
    const first = (await get(writer, key).expect(200)).body as DraftDto;
    expect(first).toEqual({ key, body: 'Half a thought', title: null, contentWarning: 'grief', updatedAt: expect.any(String) });
    // Another device saves over it (an upload's link is just text); the untrimmed text comes back as typed.
    const body = '  The whole thought\n\n![a flyer](/api/uploads/0000/thumbnail) ';
    await put(writer, key, { body }).expect(204);
    const second = (await get(writer, key).expect(200)).body as DraftDto;
    expect(second).toMatchObject({ key, body, contentWarning: null });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
    await t.http().delete(`/api/drafts/${key}`).set(writer.auth).expect(204);
    await get(writer, key).expect(404);
    // Throwing away what is not there is done too.
    await t.http().delete(`/api/drafts/${key}`).set(writer.auth).expect(204);
  });

  it('keeps one draft per member and key, and each member only their own', async () => {
    const newTopicKey = `new-topic:${category}`;
    await put(writer, `topic:${topic}`, { body: 'reply' }).expect(204);
    await put(writer, newTopicKey, { body: 'topic body', title: 'A title in progress' }).expect(204);
    await put(writer, 'new-conversation', { body: 'letter', title: 'Subject' }).expect(204);
    // An id in capitals names the same place.
    await put(writer, `topic:${topic.toUpperCase()}`, { body: 'reply, again' }).expect(204);
    expect((await rowsOf(writer)).map((row) => row.key)).toEqual(['new-conversation', newTopicKey, `topic:${topic}`].sort());
    expect((await get(writer, newTopicKey).expect(200)).body).toMatchObject({ title: 'A title in progress', body: 'topic body' });
    expect((await get(writer, `topic:${topic}`).expect(200)).body).toMatchObject({ body: 'reply, again' });
    // Someone else's draft for the same place is not theirs to read: the missing draft's 404.
    await get(other, `topic:${topic}`).expect(404);
    await t.http().delete(`/api/drafts/topic:${topic}`).set(other.auth).expect(204);
    await get(writer, `topic:${topic}`).expect(200);
    await t.http().get(`/api/drafts/topic:${topic}`).expect(401);
  });

  it('throws the draft away with the post, topic or message it became, and keeps it when posting fails', async () => {
    const secondTopic = (await newTopic(t, other, category)).id;
    await put(writer, `topic:${topic}`, { body: 'my reply' }).expect(204);
    await put(writer, `topic:${secondTopic}`, { body: 'another reply' }).expect(204);
    // Refused (an empty body): the draft stays.
    await t.http().post(`/api/topics/${topic}/posts`).set(writer.auth).send({ body: '' }).expect(400);
    await get(writer, `topic:${topic}`).expect(200);
    await newReply(t, writer, topic, 'my reply');
    await get(writer, `topic:${topic}`).expect(404);
    await get(writer, `topic:${secondTopic}`).expect(200);

    await put(writer, `new-topic:${category}`, { body: 'first post', title: 'My topic' }).expect(204);
    await newTopic(t, writer, category, 'first post');
    await get(writer, `new-topic:${category}`).expect(404);

    await put(writer, 'new-conversation', { body: 'Hello you', title: 'Hi' }).expect(204);
    const conversation = await startConversation(t, writer, [other], 'Hi', 'Hello you');
    await get(writer, 'new-conversation').expect(404);
    await put(writer, `conversation:${conversation.id}`, { body: 'And also' }).expect(204);
    await put(other, `conversation:${conversation.id}`, { body: 'Their answer' }).expect(204);
    await sendMessage(t, writer, conversation.id, 'And also');
    await get(writer, `conversation:${conversation.id}`).expect(404);
    // Only the author's own draft goes.
    await get(other, `conversation:${conversation.id}`).expect(200);
  });

  it('answers the missing draft’s 404 where the member may not (or no longer) write', async () => {
    const moved = (await newTopic(t, other, category)).id;
    await put(writer, `topic:${moved}`, { body: 'kept text' }).expect(204);
    const privateCategory = await newPrivateCategory(t);
    await t.http().patch(`/api/topics/${moved}`).set(admin.auth).send({ categoryId: privateCategory }).expect(200);
    const missing = await get(writer, `topic:${MISSING}`).expect(404);
    for (const response of [
      await get(writer, `topic:${moved}`),
      await put(writer, `topic:${moved}`, { body: 'more' }),
      await put(writer, `new-topic:${privateCategory}`, { body: 'x' }),
      await put(writer, `new-topic:${MISSING}`, { body: 'x' }),
      await put(writer, `conversation:${MISSING}`, { body: 'x' }),
    ]) {
      expect({ status: response.status, body: response.body as unknown }).toEqual({ status: 404, body: missing.body as unknown });
    }
    // Nor in a conversation they are not in; nor in a locked topic.
    const theirs = await startConversation(t, other, [admin]);
    await put(writer, `conversation:${theirs.id}`, { body: 'x' }).expect(404);
    const locked = (await newTopic(t, other, category)).id;
    await t.http().patch(`/api/topics/${locked}`).set(admin.auth).send({ locked: true }).expect(200);
    await put(writer, `topic:${locked}`, { body: 'x' }).expect(404);
    // Their text is still theirs: in their export (below) until they throw it away.
    expect((await rowsOf(writer)).map((row) => row.key)).toContain(`topic:${moved}`);
  });

  it('refuses hostile input with a 400 naming the field', async () => {
    const key = `topic:${topic}`;
    const cases: [string, unknown, string][] = [
      [key, { body: `a${String.fromCharCode(0)}b` }, 'body'],
      [key, { body: 'lone \ud800 surrogate' }, 'body'],
      [key, { body: null }, 'body'],
      [key, {}, 'body'],
      [key, { body: 5 }, 'body'],
      [key, { body: 'x'.repeat(50_001) }, 'body'],
      [key, { body: 'x', title: null }, 'title'],
      [key, { body: 'x', title: ['a'] }, 'title'],
      [key, { body: 'x', title: 't'.repeat(201) }, 'title'],
      [key, { body: 'x', contentWarning: { a: 1 } }, 'contentWarning'],
      [key, { body: 'x', contentWarning: `c${String.fromCharCode(0)}` }, 'contentWarning'],
      ['topic:not-an-id', { body: 'x' }, 'key'],
      ['nonsense', { body: 'x' }, 'key'],
      [`post:${topic}`, { body: 'x' }, 'key'],
      ['new-conversation:extra', { body: 'x' }, 'key'],
      [`topic:${topic}%00`, { body: 'x' }, 'key'],
    ];
    for (const [target, body, field] of cases) {
      const response = await put(writer, target, body);
      expect({ target, body: JSON.stringify(body).slice(0, 60), status: response.status }).toEqual({
        target,
        body: JSON.stringify(body).slice(0, 60),
        status: 400,
      });
      expect(String(response.body.message)).toContain(field);
    }
    for (const junk of ['topic:not-an-id', 'nonsense']) {
      expect((await get(writer, junk).expect(400)).body.message).toContain('key');
      expect((await t.http().delete(`/api/drafts/${junk}`).set(writer.auth).expect(400)).body.message).toContain('key');
    }
    // The longest body a post may have is kept whole.
    await put(writer, key, { body: 'y'.repeat(50_000) }).expect(204);
    expect(((await get(writer, key).expect(200)).body as DraftDto).body).toHaveLength(50_000);
  });

  it('keeps one row when the same save arrives eight times at once', async () => {
    const member = await newMember(t);
    const key = `new-topic:${category}`;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => put(member, key, { body: `version ${i}`, title: 'Same' })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(204));
    expect(await rowsOf(member)).toEqual([{ key }]);
    expect(((await get(member, key).expect(200)).body as DraftDto).body).toMatch(/^version [0-7]$/);
  });

  it('keeps a member’s 100 most recent drafts, forgetting the one left alone longest', async () => {
    const member = await newMember(t);
    await sql(
      t.databaseUrl,
      `INSERT INTO drafts (user_id, key, body, updated_at)
       SELECT $1, 'topic:' || gen_random_uuid(), 'old ' || n, now() - n * interval '1 minute' FROM generate_series(1, 100) AS n`,
      [member.user.id],
    );
    const [oldest] = await sql<{ key: string }>(t.databaseUrl, `SELECT key FROM drafts WHERE user_id = $1 AND body = 'old 100'`, [
      member.user.id,
    ]);
    await put(member, 'new-conversation', { body: 'the newest' }).expect(204);
    const kept = (await rowsOf(member)).map((row) => row.key);
    expect([kept.length, kept.includes('new-conversation'), kept.includes(oldest!.key)]).toEqual([100, true, false]);
  });

  it('puts drafts in the member’s export and erases them with the account', async () => {
    const member = await newMember(t);
    await put(member, `topic:${topic}`, { body: 'exported words' }).expect(204);
    await put(member, 'new-conversation', { body: 'a letter', title: 'To a friend' }).expect(204);
    const response = await t
      .http()
      .post('/api/me/export')
      .set(member.auth)
      .send({ password: member.password })
      .responseType('blob')
      .expect(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    const drafts = JSON.parse(strFromU8(files['drafts.json']!)) as DraftDto[];
    expect(drafts.map(({ key, body, title }) => ({ key, body, title })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'new-conversation', body: 'a letter', title: 'To a friend' },
      { key: `topic:${topic}`, body: 'exported words', title: null },
    ]);
    // Kept under `deleted-<n>`, the account row stays: the drafts must still go.
    await t.http().delete('/api/me').set(member.auth).send({ password: member.password, posts: 'anonymize' }).expect(204);
    expect(await rowsOf(member)).toEqual([]);
  });
});
