import { isDeepStrictEqual } from 'node:util';
import type { Socket } from 'socket.io-client';
import type { GroupDto, TopicWithFirstPostDto } from '@harbour/contracts';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { newMember, type TestMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket } from '../support/sockets';

/** The promise: a privilege change reaches the sockets within a second of its answer. */
const WITHIN_MS = 1000;

/**
 * A privilege change made through one API process (the test app) reaches the sockets open on another (a
 * second, built server on the same database) at once: rooms left with `topic:closed`, and the caller each
 * socket acts as read again, for a role, a sanction, a group membership or the login-required setting.
 */
describe('privilege changes reach open sockets on every process', () => {
  let t: TestApp;
  let second: ApiProcess;
  let admin: TestMember;
  /** A private group's owner, its space, a topic there, and a topic in a public category. */
  let owner: TestMember;
  let group: GroupDto;
  let space: string;
  let secret: TopicWithFirstPostDto;
  let topic: TopicWithFirstPostDto;
  const open: Socket[] = [];
  /** A socket on the second process: every change below is made over the first one's HTTP API. */
  const socketThere = async (member?: TestMember): Promise<Socket> => {
    const socket = await connectSocket(second.baseUrl, member ? { token: member.token } : {});
    open.push(socket);
    return socket;
  };
  const join = (socket: Socket, topicId: string): Promise<unknown> => socket.timeout(5000).emitWithAck('topic:join', { topicId });
  const typing = (socket: Socket, topicId: string): Promise<unknown> => socket.timeout(5000).emitWithAck('topic:typing', { topicId });
  /** Makes a change over the first process's HTTP API and says when it answered. */
  const changed = async (change: Promise<unknown>): Promise<number> => {
    await change;
    return Date.now();
  };

  beforeAll(async () => {
    t = await startTestApp({ smtp: false });
    // The admin registers first (the first account of a site is its admin), the second process starts meanwhile.
    [admin, second] = await Promise.all([newMember(t, { role: 'admin' }), startApiProcess(t)]);
    owner = await newMember(t);
    group = await newGroup(t, owner, 'private');
    space = await newGroupCategory(t, owner, group);
    [secret, topic] = await Promise.all([newTopic(t, owner, space), newCategory(t, admin).then((id) => newTopic(t, admin, id))]);
  });
  afterEach(() => open.splice(0).forEach((socket) => socket.close()));
  afterAll(async () => {
    await second?.stop();
    await t?.close();
  });

  it('a demoted admin leaves a private space’s topic at once, hears no more of it, and cannot join again', async () => {
    const demoted = await newMember(t, { role: 'admin' });
    const demotedSocket = await socketThere(demoted);
    const ownerSocket = await socketThere(owner);
    expect(await join(demotedSocket, secret.id)).toEqual({ ok: true });
    expect(await join(ownerSocket, secret.id)).toEqual({ ok: true });
    const heard = record(demotedSocket, 'post:created');
    const ownerHeard = record(ownerSocket, 'topic:closed');

    const closed = arrival<{ topicId: string }>(demotedSocket, 'topic:closed');
    const at = await changed(t.http().patch(`/api/admin/users/${demoted.user.id}`).set(admin.auth).send({ role: 'member' }).expect(200));
    const { payload, arrivedAt } = await closed;
    expect(payload).toEqual({ topicId: secret.id });
    expect(arrivedAt - at).toBeLessThan(WITHIN_MS);

    // The owner, still in the room, hears the next reply; the demoted member hears nothing of it.
    const reply = arrival<{ id: string }>(ownerSocket, 'post:created');
    const posted = await newReply(t, owner, secret.id, 'after the demotion');
    expect((await reply).payload.id).toBe(posted.id);
    expect(heard).toEqual([]);
    expect(ownerHeard).toEqual([]);
    expect(await join(demotedSocket, secret.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('a member promoted to admin may join a private topic without reconnecting', async () => {
    const promoted = await newMember(t);
    const socket = await socketThere(promoted);
    expect(await join(socket, secret.id)).toEqual({ ok: false, error: 'not_found' });

    const at = await changed(t.http().patch(`/api/admin/users/${promoted.user.id}`).set(admin.auth).send({ role: 'admin' }).expect(200));
    await answersWithin(() => join(socket, secret.id), { ok: true }, at);
  });

  it('a member silenced while connected has typing refused at once, and allowed again when the silence is lifted', async () => {
    const member = await newMember(t);
    const socket = await socketThere(member);
    expect(await join(socket, topic.id)).toEqual({ ok: true });
    expect(await typing(socket, topic.id)).toEqual({ ok: true });

    const until = new Date(Date.now() + 86_400_000).toISOString();
    let sanctionId = '';
    const silencedAt = await changed(
      t
        .http()
        .post(`/api/moderation/users/${member.user.id}/sanctions`)
        .set(admin.auth)
        .send({ type: 'silence', reason: 'Cooling off', until })
        .expect(201)
        .then((response) => (sanctionId = (response.body as { id: string }).id)),
    );
    await answersWithin(() => typing(socket, topic.id), { ok: false, error: 'forbidden' }, silencedAt);
    // Reading goes on: a silenced member keeps their rooms.
    expect(await join(socket, topic.id)).toEqual({ ok: true });

    const liftedAt = await changed(
      t.http().delete(`/api/moderation/users/${member.user.id}/sanctions/${sanctionId}`).set(admin.auth).expect(204),
    );
    await answersWithin(() => typing(socket, topic.id), { ok: true }, liftedAt);
  });

  it('a site switched to login required closes every room of its visitors at once, and keeps its members’', async () => {
    const member = await newMember(t);
    const visitor = await socketThere();
    const memberSocket = await socketThere(member);
    expect(await join(visitor, topic.id)).toEqual({ ok: true });
    expect(await join(memberSocket, topic.id)).toEqual({ ok: true });
    const visitorHeard = record(visitor, 'post:created');
    const memberClosed = record(memberSocket, 'topic:closed');
    try {
      const closed = arrival<{ topicId: string }>(visitor, 'topic:closed');
      const at = await changed(t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: true }).expect(200));
      const { payload, arrivedAt } = await closed;
      expect(payload).toEqual({ topicId: topic.id });
      expect(arrivedAt - at).toBeLessThan(WITHIN_MS);
      // The second process's settings are read again, not its two-second copy: the visitor cannot come back.
      expect(await join(visitor, topic.id)).toEqual({ ok: false, error: 'not_found' });

      const reply = arrival<{ id: string }>(memberSocket, 'post:created');
      const posted = await newReply(t, admin, topic.id, 'members only now');
      expect((await reply).payload.id).toBe(posted.id);
      expect(visitorHeard).toEqual([]);
      expect(memberClosed).toEqual([]);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ loginRequired: false }).expect(200);
    }
    // Opened again, visitors may come back at once.
    await answersWithin(() => join(visitor, topic.id), { ok: true }, Date.now());
  });

  it('a member removed from a group, or leaving it, leaves its private space’s topics at once', async () => {
    const [removed, leaving] = await Promise.all([newMember(t), newMember(t)]);
    await addToGroup(t, group, owner, removed);
    await addToGroup(t, group, owner, leaving);
    const removedSocket = await socketThere(removed);
    const leavingSocket = await socketThere(leaving);
    expect(await join(removedSocket, secret.id)).toEqual({ ok: true });
    expect(await join(leavingSocket, secret.id)).toEqual({ ok: true });

    const removedClosed = arrival<{ topicId: string }>(removedSocket, 'topic:closed');
    const removedAt = await changed(t.http().delete(`/api/groups/${group.slug}/members/${removed.user.id}`).set(owner.auth).expect(204));
    expect((await removedClosed).payload).toEqual({ topicId: secret.id });
    expect((await removedClosed).arrivedAt - removedAt).toBeLessThan(WITHIN_MS);
    expect(await join(removedSocket, secret.id)).toEqual({ ok: false, error: 'not_found' });

    const leftClosed = arrival<{ topicId: string }>(leavingSocket, 'topic:closed');
    const leftAt = await changed(t.http().delete(`/api/groups/${group.slug}/members/${leaving.user.id}`).set(leaving.auth).expect(204));
    expect((await leftClosed).payload).toEqual({ topicId: secret.id });
    expect((await leftClosed).arrivedAt - leftAt).toBeLessThan(WITHIN_MS);
    expect(await join(leavingSocket, secret.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('a group moderator demoted to member leaves a held topic only moderators see, and may join again when promoted', async () => {
    const [moderator, newcomer] = await Promise.all([newMember(t), newMember(t)]);
    await addToGroup(t, group, owner, moderator, 'moderator');
    await addToGroup(t, group, owner, newcomer);
    // A newcomer's first topic is held for review: only its author and the space's moderators see it.
    await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 1 }).expect(200);
    let held: { id: string };
    try {
      held = await newTopic(t, newcomer, space);
    } finally {
      await t.http().patch('/api/admin/settings').set(admin.auth).send({ newMemberReviewPosts: 0 }).expect(200);
    }
    const moderatorSocket = await socketThere(moderator);
    const authorSocket = await socketThere(newcomer);
    expect(await join(moderatorSocket, held.id)).toEqual({ ok: true });
    expect(await join(authorSocket, held.id)).toEqual({ ok: true });
    const authorClosed = record(authorSocket, 'topic:closed');

    const closed = arrival<{ topicId: string }>(moderatorSocket, 'topic:closed');
    const role = (value: string) =>
      t.http().patch(`/api/groups/${group.slug}/members/${moderator.user.id}`).set(owner.auth).send({ role: value });
    const demotedAt = await changed(role('member').expect(204));
    expect((await closed).payload).toEqual({ topicId: held.id });
    expect((await closed).arrivedAt - demotedAt).toBeLessThan(WITHIN_MS);
    expect(await join(moderatorSocket, held.id)).toEqual({ ok: false, error: 'not_found' });
    expect(authorClosed).toEqual([]);

    const promotedAt = await changed(role('moderator').expect(204));
    await answersWithin(() => join(moderatorSocket, held.id), { ok: true }, promotedAt);
  });
});

/** Every `event` the socket hears from now on. */
function record(socket: Socket, event: string): unknown[] {
  const heard: unknown[] = [];
  socket.on(event, (payload: unknown) => heard.push(payload));
  return heard;
}

/** The next `event` and when it arrived; fails after 5 s (the test then says what never came). */
function arrival<T>(socket: Socket, event: string): Promise<{ payload: T; arrivedAt: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${event} within 5 s`)), 5000);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve({ payload, arrivedAt: Date.now() });
    });
  });
}

/**
 * A widened access gives the socket no event to wait for: ask again every 50 ms until it answers
 * `expected`, and fail with its last answer once a second has passed since the change answered.
 */
async function answersWithin(ask: () => Promise<unknown>, expected: unknown, since: number): Promise<void> {
  for (;;) {
    const answer = await ask();
    if (isDeepStrictEqual(answer, expected) || Date.now() - since > WITHIN_MS) {
      expect(answer).toEqual(expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
