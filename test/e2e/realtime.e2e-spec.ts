import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/app';
import { newMember } from '../support/factories';
import { newCategory, newTopic } from '../support/forum';
import { addToGroup, newGroup, newGroupCategory } from '../support/groups';
import { connectSocket, nextEvent } from '../support/sockets';

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
});
