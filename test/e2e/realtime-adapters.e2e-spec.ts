import type { Socket } from 'socket.io-client';
import type { ConversationDto, MessageDto, PostDto } from '@harbour/contracts';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { LiveReader } from '../support/live-reader';
import { startRedis, type TestRedis } from '../support/redis';
import { connectSocket, nextEvent, nextEventWhere } from '../support/sockets';

/**
 * What one API process does reaches the sockets of another, through each adapter a site can run: PostgreSQL
 * (LISTEN/NOTIFY, the default) and Redis (REDIS_URL, with a redis-server of the test's own). The same tests
 * run for both. The last one kills a process and checks that its readers lose nothing.
 */
describe.each(['postgres', 'redis'] as const)('Socket.IO across two API processes through %s', (adapter) => {
  let redis: TestRedis | null = null;
  let t: TestApp;
  let other: ApiProcess;
  let admin: TestMember;
  const open: Socket[] = [];
  const track = (socket: Socket): Socket => {
    open.push(socket);
    return socket;
  };
  const join = (socket: Socket, topicId: string): Promise<unknown> => socket.timeout(5000).emitWithAck('topic:join', { topicId });

  beforeAll(async () => {
    redis = adapter === 'redis' ? await startRedis() : null;
    const env: Record<string, string> = redis ? { REDIS_URL: redis.url } : {};
    t = await startTestApp({ env });
    other = await startApiProcess(t, env);
    admin = await newMember(t, { role: 'admin' });
  });
  afterEach(() => open.splice(0).forEach((socket) => socket.close()));
  afterAll(async () => {
    await other?.stop();
    await t?.close();
    await redis?.stop();
  });

  it('carries room posts and a member’s notifications, and a logout disconnects the member there', async () => {
    const author = await newMember(t);
    const topic = await newTopic(t, author, await newCategory(t, admin));
    const reader = track(await connectSocket(other.baseUrl));
    expect(await join(reader, topic.id)).toEqual({ ok: true });
    const authorTab = track(await connectSocket(other.baseUrl, { token: author.token }));

    const created = nextEventWhere<PostDto>(reader, 'post:created', (post) => post.body === `through ${adapter}`, 10000);
    const notified = nextEvent<{ count: number }>(authorTab, 'notification:count', 10000);
    const reply = await newReply(t, admin, topic.id, `through ${adapter}`);
    expect(await created).toMatchObject({ id: reply.id, body: `through ${adapter}` });
    expect(await notified).toEqual({ count: 1 });

    const revoked = nextEvent<{ reason: string }>(authorTab, 'session:revoked', 10000);
    const disconnected = nextEvent<string>(authorTab, 'disconnect', 10000);
    await t.http().post('/api/auth/logout').set(author.auth).expect(204);
    expect(await revoked).toEqual({ reason: 'logout' });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('counts the readers of both processes in a topic’s presence', async () => {
    const topic = await newTopic(t, admin, await newCategory(t, admin));
    const here = track(await connectSocket(t.baseUrl, { token: (await newMember(t)).token }));
    const there = track(await connectSocket(other.baseUrl, { token: (await newMember(t)).token }));
    expect(await join(here, topic.id)).toEqual({ ok: true });
    const both = new Promise<{ readers: number }>((resolve) => {
      here.on('topic:presence', (payload: { readers: number }) => payload.readers === 2 && resolve(payload));
    });
    expect(await join(there, topic.id)).toEqual({ ok: true });
    expect(await both).toMatchObject({ topicId: topic.id, readers: 2 });
  });

  it('takes a topic room away from a removed member’s socket on the other process', async () => {
    const owner = await newMember(t);
    const member = await newMember(t);
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, member);
    const secret = await newTopic(t, owner, await newGroupCategory(t, owner, group));
    const socket = track(await connectSocket(other.baseUrl, { token: member.token }));
    expect(await join(socket, secret.id)).toEqual({ ok: true });

    const closed = nextEvent<{ topicId: string }>(socket, 'topic:closed', 10000);
    await t.http().delete(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).expect(204);
    expect(await closed).toEqual({ topicId: secret.id });
    expect(await join(socket, secret.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('brings a private message sent through one process to its reader’s socket on the other', async () => {
    const [writer, reader] = [await newMember(t), await newMember(t)];
    const conversation = (
      await t
        .http()
        .post('/api/conversations')
        .set(writer.auth)
        .send({ to: [reader.user.username], subject: adapter, body: 'first' })
        .expect(201)
    ).body as ConversationDto;
    const tab = track(await connectSocket(other.baseUrl, { token: reader.token }));
    // The first message's event may still be on its way to the other process when the tab connects: wait for this one.
    const heard = nextEventWhere<MessageDto>(tab, 'message:created', (message) => message.body === `via ${adapter}`, 10000);
    const sent = await t
      .http()
      .post(`/api/conversations/${conversation.id}/messages`)
      .set(writer.auth)
      .send({ body: `via ${adapter}` })
      .expect(201);
    expect(await heard).toMatchObject({ id: sent.body.id, conversationId: conversation.id, author: { id: writer.user.id } });
  });

  it('loses no post for a reader whose process is killed: it reconnects to the other one and catches up', async () => {
    const author = await newMember(t);
    const topic = await newTopic(t, author, await newCategory(t, admin));
    // The reader is held away until the witness, on the surviving process, has heard two posts made while it
    // was away: those were pushed before it came back, so only the catch-up can bring them (on a loaded
    // machine a fixed wait let every post of the gap be pushed after the reader had joined again).
    let letBack!: () => void;
    const back = new Promise<void>((resolve) => (letBack = resolve));
    const reader = new LiveReader([other.baseUrl, t.baseUrl], topic.id, () => back);
    const witness = track(await connectSocket(t.baseUrl, { token: admin.token }));
    const heard = new Set<number>();
    witness.on('post:created', (post: PostDto) => post.topicId === topic.id && heard.add(post.number!));
    try {
      await reader.start();
      expect(await join(witness, topic.id)).toEqual({ ok: true });
      expect(reader.connections).toEqual([other.baseUrl]);
      // Posts go on arriving, through the surviving process, before, during and after the kill.
      let last = 1;
      const post = async () => (last = (await newReply(t, author, topic.id, `reply ${last + 1}`)).number!);
      for (let i = 0; i < 5; i++) await post();
      await reader.waitForNumber(last);
      const writing = (async () => {
        for (let i = 0; i < 20 || reader.connections.length < 2; i++) {
          await post();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.kill();
      await until(() => reader.away);
      // The post after `whenAway` may have been pushed before the kill; the two after it were asked for later.
      const whenAway = last;
      await until(() => heard.has(whenAway + 3));
      letBack();
      await writing;
      await reader.waitForNumber(last);
      expect(last).toBeGreaterThanOrEqual(26);
      expect(reader.connections).toEqual([other.baseUrl, t.baseUrl]);
      // Posts were made and pushed while it had no connection: only the catch-up brought them.
      expect(reader.caughtUp).toEqual(expect.arrayContaining([whenAway + 2, whenAway + 3]));
      expect(reader.gaps()).toEqual([]);
      expect([...reader.posts.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    } finally {
      letBack();
      reader.close();
    }
  });
});

/** Checks `condition` every 20 ms until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
