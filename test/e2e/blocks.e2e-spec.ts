import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { PostDto, SearchHitDto, UserDto } from '@harbour/contracts';
import { TopicPageCache } from '@harbour/forum';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { connectSocket, nextEventWhere } from '../support/sockets';

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Blocking (api.md 1.1): the blocker's routes and bad input, and how the blocked member's posts look to the
 * blocker (collapsed: `blockedAuthor`) and to everyone else, the blocked member included (nothing changes).
 */
describe('blocking a member: routes and post views', () => {
  let t: TestApp;
  let admin: TestMember;
  let blocker: TestMember;
  let blocked: TestMember;
  let bystander: TestMember;
  let category: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    [blocker, blocked, bystander] = [await newMember(t), await newMember(t), await newMember(t)];
    category = await newCategory(t, admin);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    // Each test starts unblocked, even after a failure halfway.
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
  });
  afterAll(() => t.close());

  const blocksOf = async (member: TestMember) =>
    (await t.http().get('/api/me/blocks').set(member.auth).expect(200)).body.items as UserDto[];
  const rowsOf = async (member: TestMember) =>
    (await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM user_blocks WHERE blocker_id = $1', [member.user.id]))[0]!.n;

  it('refuses bad targets by name and stores nothing: yourself 400, a junk id 400, an unknown member 404', async () => {
    const self = await t.http().put(`/api/me/blocks/${blocker.user.id}`).set(blocker.auth).expect(400);
    expect(self.body.message).toContain('userId');
    const junk = await t.http().put('/api/me/blocks/not-a-uuid').set(blocker.auth).expect(400);
    expect(junk.body.message).toContain('userId');
    await t.http().put(`/api/me/blocks/${MISSING}`).set(blocker.auth).expect(404);
    await t.http().delete('/api/me/blocks/1%27%20OR%201=1').set(blocker.auth).expect(400);
    await t.http().delete(`/api/me/blocks/${MISSING}`).set(blocker.auth).expect(404);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).expect(401);
    expect(await rowsOf(blocker)).toBe(0);
  });

  it('answers a deleted account like an unknown one', async () => {
    const gone = await newMember(t);
    await sql(t.databaseUrl, "UPDATE users SET status = 'deleted' WHERE id = $1", [gone.user.id]);
    const [missing, deleted] = await Promise.all([
      t.http().put(`/api/me/blocks/${MISSING}`).set(blocker.auth),
      t.http().put(`/api/me/blocks/${gone.user.id}`).set(blocker.auth),
    ]);
    expect([deleted.status, deleted.body]).toEqual([404, missing.body]);
  });

  it('leaves no block behind a deletion of the blocker that was under way: the block waits, then finds the account gone', async () => {
    const leaving = await newMember(t);
    // The deletion's transaction, held open where lockForDeletion holds it: the blocker's row locked, then erased.
    const deletion = new Client({ connectionString: t.databaseUrl });
    await deletion.connect();
    try {
      await deletion.query('BEGIN');
      await deletion.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [leaving.user.id]);
      const block = t
        .http()
        .put(`/api/me/blocks/${blocked.user.id}`)
        .set(leaving.auth)
        .then((response) => response.status);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await deletion.query("UPDATE users SET status = 'deleted' WHERE id = $1", [leaving.user.id]);
      await deletion.query('COMMIT');
      expect(await block).toBe(404);
    } finally {
      await deletion.end();
    }
    expect(await rowsOf(leaving)).toBe(0);
  });

  it('blocks idempotently, lists the blocked member in public shape, and unblocks idempotently', async () => {
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const list = await blocksOf(blocker);
    expect(list).toEqual([expect.objectContaining({ id: blocked.user.id, username: blocked.user.username })]);
    expect(JSON.stringify(list)).not.toContain(blocked.user.email);
    expect(await rowsOf(blocker)).toBe(1);
    // The blocked member is never told: their own list is empty and nothing of theirs mentions it.
    expect(await blocksOf(blocked)).toEqual([]);
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    expect(await blocksOf(blocker)).toEqual([]);
  });

  it('collapses the blocked member’s posts for the blocker alone, in the topic page, one post, bookmarks and search', async () => {
    const topic = await newTopic(t, blocker, category, 'blocking starts here');
    const theirs = await newReply(t, blocked, topic.id, 'harassing words about zanzibar');
    const others = await newReply(t, bystander, topic.id, 'kind words about zanzibar');
    const pageAs = async (member: TestMember | null) => {
      const call = t.http().get(`/api/topics/${topic.id}/posts`);
      return (await (member ? call.set(member.auth) : call).expect(200)).body.items as PostDto[];
    };
    const before = { blocked: await pageAs(blocked), bystander: await pageAs(bystander), visitor: await pageAs(null) };
    await t.http().put(`/api/posts/${theirs.id}/bookmark`).set(blocker.auth).expect(204);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);

    const flags = (items: PostDto[]) => Object.fromEntries(items.map((post) => [post.id, post.blockedAuthor]));
    expect(flags(await pageAs(blocker))).toEqual({ [topic.firstPost.id]: false, [theirs.id]: true, [others.id]: false });
    expect((await t.http().get(`/api/posts/${theirs.id}`).set(blocker.auth).expect(200)).body.blockedAuthor).toBe(true);
    const bookmarks = (await t.http().get('/api/bookmarks').set(blocker.auth).expect(200)).body.items as PostDto[];
    expect(bookmarks.map((post) => [post.id, post.blockedAuthor])).toEqual([[theirs.id, true]]);
    const hits = async (member: TestMember | null) => {
      const call = t.http().get('/api/search?q=zanzibar');
      const items = (await (member ? call.set(member.auth) : call).expect(200)).body.items as SearchHitDto[];
      return Object.fromEntries(items.map((hit) => [hit.postId, hit.blockedAuthor]));
    };
    expect(await hits(blocker)).toEqual({ [theirs.id]: true, [others.id]: false });
    expect(await hits(bystander)).toEqual({ [theirs.id]: false, [others.id]: false });
    expect(await hits(null)).toEqual({ [theirs.id]: false, [others.id]: false });

    // Everyone else, the blocked member first, gets exactly the answers they got before the block.
    expect({ blocked: await pageAs(blocked), bystander: await pageAs(bystander), visitor: await pageAs(null) }).toEqual(before);
    expect((await t.http().get(`/api/posts/${topic.firstPost.id}`).set(blocked.auth).expect(200)).body.blockedAuthor).toBe(false);

    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    expect(flags(await pageAs(blocker))[theirs.id]).toBe(false);
  });

  it('never says who blocked whom in a topic room: the broadcast post carries blockedAuthor false for every reader', async () => {
    const topic = await newTopic(t, bystander, category);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const [mine, theirs] = [
      await connectSocket(t.baseUrl, { token: blocker.token }),
      await connectSocket(t.baseUrl, { token: blocked.token }),
    ];
    sockets.push(mine, theirs);
    const heard: unknown[] = [];
    for (const socket of [mine, theirs]) {
      socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
      expect(await socket.timeout(5000).emitWithAck('topic:join', { topicId: topic.id })).toEqual({ ok: true });
    }
    const arriving = [mine, theirs].map((socket) => nextEventWhere<PostDto>(socket, 'post:created', (post) => post.body === 'live words'));
    const reply = await newReply(t, blocked, topic.id, 'live words');
    const [toBlocker, toBlocked] = await Promise.all(arriving);
    expect(toBlocker).toEqual(toBlocked);
    expect(toBlocker?.blockedAuthor).toBe(false);
    // The blocker's own view (which the client fetches after a live post) is where the collapse comes from.
    expect((await t.http().get(`/api/posts/${reply.id}`).set(blocker.auth).expect(200)).body.blockedAuthor).toBe(true);
    expect(JSON.stringify(heard)).not.toContain('"blockedAuthor":true');
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
  });

  it('keeps the blocker’s topic page a fixed number of queries, one more than an unblocked reader’s at most', async () => {
    const topic = await newTopic(t, bystander, category);
    for (let i = 0; i < 39; i++) await newReply(t, i % 2 ? blocked : bystander, topic.id, `post ${i}`);
    await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
    const dataSource = t.app.get(DataSource);
    const original = dataSource.logger;
    let queries = 0;
    const counting: TypeOrmLogger = { ...original, logQuery: () => void (queries += 1) };
    // Listeners still at work on the replies above would be counted too: wait for a quiet database.
    dataSource.logger = counting;
    for (let quietFor = 0, deadline = Date.now() + 15000; quietFor < 500 && Date.now() < deadline;) {
      const before = queries;
      await new Promise((resolve) => setTimeout(resolve, 100));
      quietFor = queries === before ? quietFor + 100 : 0;
    }
    dataSource.logger = original;
    const count = async (member: TestMember, limit: number): Promise<{ queries: number; blocked: number }> => {
      t.app.get(TopicPageCache).clear();
      queries = 0;
      dataSource.logger = counting;
      try {
        const response = await t.http().get(`/api/topics/${topic.id}/posts?limit=${limit}`).set(member.auth).expect(200);
        const items = response.body.items as PostDto[];
        return { queries, blocked: items.filter((post) => post.blockedAuthor).length };
      } finally {
        dataSource.logger = original;
      }
    };
    await count(blocker, 5); // warms the settings cache
    const small = await count(blocker, 5);
    const large = await count(blocker, 40);
    expect(small.blocked).toBe(2);
    expect(large.blocked).toBe(19);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual((await count(bystander, 40)).queries + 1);
    await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
  });

  it('shows a new block on a page the server had in memory at once', async () => {
    const topic = await newTopic(t, blocked, category);
    t.app.get(TopicPageCache).ttlMs = 60_000;
    try {
      const read = async () =>
        ((await t.http().get(`/api/topics/${topic.id}/posts`).set(blocker.auth).expect(200)).body.items as PostDto[])[0];
      expect((await read())?.blockedAuthor).toBe(false);
      await t.http().put(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
      expect((await read())?.blockedAuthor).toBe(true);
      await t.http().delete(`/api/me/blocks/${blocked.user.id}`).set(blocker.auth).expect(204);
      expect((await read())?.blockedAuthor).toBe(false);
    } finally {
      t.app.get(TopicPageCache).ttlMs = 2000;
    }
  });
});
