import type { Socket } from 'socket.io-client';
import type { PostDto } from '@harbour/contracts';
import { startApiProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember } from '../support/factories';
import { newCategory, newReply, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent, nextEventWhere } from '../support/sockets';

describe('Socket.IO connections', () => {
  let t: TestApp;
  const open: Socket[] = [];
  const track = (socket: Socket): Socket => {
    open.push(socket);
    return socket;
  };
  beforeAll(async () => {
    t = await startTestApp();
    await newMember(t);
  });
  afterEach(() => open.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  it('accepts anonymous connections', async () => {
    const socket = track(await connectSocket(t.baseUrl));
    expect(socket.connected).toBe(true);
  });

  it('refuses a handshake with a dead token', async () => {
    await expect(connectSocket(t.baseUrl, { token: 'not-a-session' })).rejects.toThrow('unauthorized');
  });

  it('accepts a cookie handshake only from the site’s own origin', async () => {
    const member = await newMember(t);
    const cookie = `harbour_session=${member.token}`;
    await expect(connectSocket(t.baseUrl, { headers: { Cookie: cookie, Origin: 'https://evil.example' } })).rejects.toThrow(
      'forbidden origin',
    );
    await expect(connectSocket(t.baseUrl, { headers: { Cookie: cookie } })).rejects.toThrow('forbidden origin');
    const socket = track(await connectSocket(t.baseUrl, { headers: { Cookie: cookie, Origin: t.config.publicUrl } }));
    expect(socket.connected).toBe(true);
  });

  it('tells and disconnects the sockets of a session that logs out, and only those', async () => {
    const member = await newMember(t);
    const other = await t.http().post('/api/auth/login').send({ login: member.user.username, password: member.password }).expect(200);
    const phone = track(await connectSocket(t.baseUrl, { token: member.token }));
    const laptop = track(await connectSocket(t.baseUrl, { token: other.body.token as string }));

    const revoked = nextEvent<{ reason: string }>(phone, 'session:revoked');
    const disconnected = nextEvent<string>(phone, 'disconnect');
    await t.http().post('/api/auth/logout').set(member.auth).expect(204);
    expect(await revoked).toEqual({ reason: 'logout' });
    expect(await disconnected).toBe('io server disconnect');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(laptop.connected).toBe(true);
  });

  it('disconnects every socket of a member whose password is reset', async () => {
    const member = await newMember(t);
    const sockets = [
      track(await connectSocket(t.baseUrl, { token: member.token })),
      track(await connectSocket(t.baseUrl, { token: member.token })),
    ];
    const told = sockets.map((socket) => nextEvent<{ reason: string }>(socket, 'session:revoked'));
    await t.http().post('/api/auth/password-reset').send({ email: member.user.email }).expect(202);
    const mail = await t.smtp!.waitFor(member.user.email);
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'new password here' }).expect(204);
    expect(await Promise.all(told)).toEqual([{ reason: 'password_reset' }, { reason: 'password_reset' }]);
  });

  describe('topic rooms', () => {
    const join = (socket: Socket, topicId: unknown): Promise<unknown> => socket.timeout(5000).emitWithAck('topic:join', { topicId });

    it('are joined only for topics the caller may see, with the HTTP answers', async () => {
      const admin = await newMember(t, { role: 'admin' });
      const owner = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      const space = await newGroupCategory(t, owner, group);
      const secret = await newTopic(t, owner, space);
      const open = await newTopic(t, owner, await newCategory(t, admin));
      const anonymous = track(await connectSocket(t.baseUrl));
      expect(await join(anonymous, open.id)).toEqual({ ok: true });
      expect(await join(anonymous, secret.id)).toEqual({ ok: false, error: 'not_found' });
      expect(await join(anonymous, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'not_found' });
      expect(await join(anonymous, 'not-an-id')).toEqual({ ok: false, error: 'invalid' });
      expect(await join(anonymous, { $ne: null })).toEqual({ ok: false, error: 'invalid' });
      const ownerSocket = track(await connectSocket(t.baseUrl, { token: owner.token }));
      expect(await join(ownerSocket, secret.id)).toEqual({ ok: true });
      expect(await ownerSocket.timeout(5000).emitWithAck('topic:leave', { topicId: secret.id })).toEqual({ ok: true });
    });

    it('are taken away at once from a removed member, and from everyone when a topic moves into a private space', async () => {
      const admin = await newMember(t, { role: 'admin' });
      const owner = await newMember(t);
      const member = await newMember(t);
      const group = await newGroup(t, owner, 'private');
      await addToGroup(t, group, owner, member);
      const space = await newGroupCategory(t, owner, group);
      const secret = await newTopic(t, owner, space);
      const memberSocket = track(await connectSocket(t.baseUrl, { token: member.token }));
      expect(await join(memberSocket, secret.id)).toEqual({ ok: true });
      const closed = nextEvent<{ topicId: string }>(memberSocket, 'topic:closed');
      await t.http().delete(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).expect(204);
      expect(await closed).toEqual({ topicId: secret.id });
      expect(await join(memberSocket, secret.id)).toEqual({ ok: false, error: 'not_found' });

      const moving = await newTopic(t, admin, await newCategory(t, admin));
      const reader = track(await connectSocket(t.baseUrl));
      expect(await join(reader, moving.id)).toEqual({ ok: true });
      const movedAway = nextEvent<{ topicId: string }>(reader, 'topic:closed');
      await t.http().patch(`/api/topics/${moving.id}`).set(admin.auth).send({ categoryId: space }).expect(200);
      expect(await movedAway).toEqual({ topicId: moving.id });
    });
  });

  describe('a topic read live', () => {
    const join = (socket: Socket, topicId: string): Promise<unknown> => socket.timeout(5000).emitWithAck('topic:join', { topicId });

    it('hears new, edited and deleted posts, and reaction counts, but never a hidden post', async () => {
      const admin = await newMember(t, { role: 'admin' });
      const author = await newMember(t);
      const topic = await newTopic(t, author, await newCategory(t, admin));
      const reader = track(await connectSocket(t.baseUrl));
      expect(await join(reader, topic.id)).toEqual({ ok: true });

      // (the topic's first post may still reach a reader who joined the moment it was made)
      const created = nextEventWhere<PostDto>(reader, 'post:created', (post) => post.body === 'live **reply**');
      const reply = (await t.http().post(`/api/topics/${topic.id}/posts`).set(author.auth).send({ body: 'live **reply**' }).expect(201))
        .body as PostDto;
      expect(await created).toMatchObject({ id: reply.id, topicId: topic.id, body: 'live **reply**', myReactions: [], bookmarked: false });

      const edited = nextEvent<PostDto>(reader, 'post:updated');
      await t.http().patch(`/api/posts/${reply.id}`).set(author.auth).send({ body: 'edited live' }).expect(200);
      expect(await edited).toMatchObject({ id: reply.id, body: 'edited live' });

      const reacted = nextEvent<PostDto>(reader, 'post:updated');
      await t
        .http()
        .put(`/api/posts/${reply.id}/reactions/${encodeURIComponent('👍')}`)
        .set(admin.auth)
        .expect(204);
      expect((await reacted).reactions).toEqual({ '👍': 1 });

      const deleted = nextEvent<{ id: string; topicId: string }>(reader, 'post:deleted');
      await t.http().delete(`/api/posts/${reply.id}`).set(author.auth).expect(204);
      expect(await deleted).toEqual({ id: reply.id, topicId: topic.id });

      // A hidden post (moderation hides; here the column is set directly) is not broadcast as visible.
      const heard: string[] = [];
      reader.onAny((event: string, payload: unknown) => heard.push(`${event} ${JSON.stringify(payload)}`));
      const hidden = (await t.http().post(`/api/topics/${topic.id}/posts`).set(author.auth).send({ body: 'to be hidden' }).expect(201))
        .body as PostDto;
      await sql(t.databaseUrl, 'UPDATE posts SET hidden = true WHERE id = $1', [hidden.id]);
      await t.http().patch(`/api/posts/${hidden.id}`).set(author.auth).send({ body: 'hidden words' }).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(heard.join('\n')).not.toContain('hidden words');
    });

    it('tells the room how many read it and who is typing', async () => {
      const admin = await newMember(t, { role: 'admin' });
      const typist = await newMember(t);
      const topic = await newTopic(t, admin, await newCategory(t, admin));
      const visitor = track(await connectSocket(t.baseUrl));
      const tabs = [
        track(await connectSocket(t.baseUrl, { token: typist.token })),
        track(await connectSocket(t.baseUrl, { token: typist.token })),
      ];
      expect(await join(visitor, topic.id)).toEqual({ ok: true });
      const presence = new Promise<{ readers: number }>((resolve) => {
        visitor.on('topic:presence', (payload: { readers: number }) => payload.readers === 2 && resolve(payload));
      });
      for (const tab of tabs) expect(await join(tab, topic.id)).toEqual({ ok: true });
      // Two tabs of one member are one reader.
      expect(await presence).toEqual({ topicId: topic.id, readers: 2, typing: [] });

      const typing = new Promise<{ typing: { username: string }[] }>((resolve) => {
        visitor.on('topic:presence', (payload: { typing: { username: string }[] }) => payload.typing.length > 0 && resolve(payload));
      });
      expect(await tabs[0]!.timeout(5000).emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: true });
      expect((await typing).typing).toMatchObject([{ username: typist.user.username }]);
      expect((await typing).typing[0]).not.toHaveProperty('email');
      // Visitors cannot post, so cannot type; nobody types in a room they are not in.
      expect(await visitor.timeout(5000).emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: false, error: 'forbidden' });
      const other = await newTopic(t, admin, await newCategory(t, admin));
      expect(await tabs[1]!.timeout(5000).emitWithAck('topic:typing', { topicId: other.id })).toEqual({ ok: false, error: 'not_found' });
    });

    it('survives a flood of events and garbage payloads, answering rate_limited and then dropping the flooder', async () => {
      const flooder = track(await connectSocket(t.baseUrl));
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => flooder.timeout(5000).emitWithAck('topic:join', { topicId: 'x' }) as Promise<{ error?: string }>),
      );
      expect(answers.filter((answer) => answer.error === 'rate_limited').length).toBeGreaterThan(10);
      const dropped = nextEvent<string>(flooder, 'disconnect');
      for (let i = 0; i < 200; i++) flooder.emit('topic:join', { topicId: 'x' });
      expect(await dropped).toBe('io server disconnect');

      const garbage = track(await connectSocket(t.baseUrl));
      for (const payload of [null, 42, 'text', [], { topicId: { $gt: '' } }, { topicId: 'a'.repeat(5000) }]) {
        expect(await garbage.timeout(5000).emitWithAck('topic:join', payload)).toEqual({ ok: false, error: 'invalid' });
      }
      const tooBig = nextEvent<string>(garbage, 'disconnect');
      garbage.emit('topic:join', { topicId: 'b'.repeat(64 * 1024) });
      expect(await tooBig).toBe('transport close');
      expect((await connectSocket(t.baseUrl).then((socket) => track(socket))).connected).toBe(true);
      await t.http().get('/api/health').expect(200);
    });

    it('reaches sockets connected to another API process on the same database', async () => {
      const admin = await newMember(t, { role: 'admin' });
      const author = await newMember(t);
      const topic = await newTopic(t, author, await newCategory(t, admin));
      const second = await startApiProcess(t);
      try {
        const reader = track(await connectSocket(second.baseUrl));
        expect(await join(reader, topic.id)).toEqual({ ok: true });
        const authorTab = track(await connectSocket(second.baseUrl, { token: author.token }));
        const created = nextEventWhere<PostDto>(reader, 'post:created', (post) => post.body === 'across processes', 10000);
        const notified = nextEvent<{ count: number }>(authorTab, 'notification:count', 10000);
        // The reply is made on this process; the sockets are on the other one.
        const reply = await newReply(t, admin, topic.id, 'across processes');
        expect(await created).toMatchObject({ id: reply.id, body: 'across processes' });
        expect(await notified).toEqual({ count: 1 });

        // A logout here disconnects the member's socket there.
        const revoked = nextEvent<{ reason: string }>(authorTab, 'session:revoked', 10000);
        await t.http().post('/api/auth/logout').set(author.auth).expect(204);
        expect(await revoked).toEqual({ reason: 'logout' });
      } finally {
        await second.stop();
      }
    });
  });
});
