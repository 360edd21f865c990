import type { Socket } from 'socket.io-client';
import type { MessageDto, NotificationDto, ReviewItemDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { inboxOf, messagesOf as readMessages, sendMessage, startConversation } from '../support/conversations';
import { connectSocket, nextEventWhere } from '../support/sockets';

/**
 * Private conversations (api.md 1.1), beyond the routes: live messages, edits and typing to each participant's
 * own room, reports that show site moderators the message and the five before it (and log it), the inbox search.
 */
describe('private conversations: live, reported, searched', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let cleo: TestMember;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    [ana, ben, cleo] = [await newMember(t), await newMember(t), await newMember(t)];
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  const start = (from: TestMember, to: TestMember[] | { group: string }, subject?: string, body?: string) =>
    startConversation(t, from, to, subject, body);
  const send = (from: TestMember, id: string, body: string) => sendMessage(t, from, id, body);
  const messagesOf = (who: TestMember, id: string) => readMessages(t, who, id);
  const inbox = (who: TestMember, query?: string) => inboxOf(t, who, query);

  it('sends new messages, edits and typing live to every participant’s tabs, and notifies them', async () => {
    const conversation = await start(ana, [ben]);
    const connect = (member: TestMember) => connectSocket(t.baseUrl, { token: member.token });
    const [benTab, anaTab, cleoTab] = [await connect(ben), await connect(ana), await connect(cleo)];
    sockets.push(benTab, anaTab, cleoTab);
    let cleoHeard = false;
    cleoTab.on('message:created', () => (cleoHeard = true));
    const heard = nextEventWhere<MessageDto>(benTab, 'message:created', (message) => message.conversationId === conversation.id);
    const notified = nextEventWhere<NotificationDto>(benTab, 'notification', (item) => item.conversationId === conversation.id);
    const sent = await send(ana, conversation.id, 'Are you there?');
    expect((await heard).id).toBe(sent.id);
    expect(await notified).toMatchObject({ type: 'message', actor: { id: ana.user.id }, data: { subject: 'Hello' } });
    // Reading the conversation to its end reads its notification too (and every tab's count follows).
    const counted = nextEventWhere<{ count: number }>(benTab, 'notification:count', () => true);
    await t.http().put(`/api/conversations/${conversation.id}/read`).set(ben.auth).send({ messageId: sent.id }).expect(204);
    await counted;
    const unread = (await t.http().get('/api/notifications?unread=true').set(ben.auth).expect(200)).body.items as NotificationDto[];
    expect(unread.filter((item) => item.conversationId === conversation.id)).toEqual([]);
    const typing = nextEventWhere<{ conversationId: string; user: { id: string } }>(
      benTab,
      'conversation:typing',
      (event) => event.conversationId === conversation.id,
    );
    expect(await anaTab.emitWithAck('conversation:typing', { conversationId: conversation.id })).toEqual({ ok: true });
    expect((await typing).user.id).toBe(ana.user.id);
    expect(await cleoTab.emitWithAck('conversation:typing', { conversationId: conversation.id })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await cleoTab.emitWithAck('conversation:typing', { conversationId: 'junk' })).toEqual({ ok: false, error: 'invalid' });
    const updated = nextEventWhere<MessageDto>(anaTab, 'message:updated', (message) => message.id === sent.id);
    await t
      .http()
      .patch(`/api/conversations/${conversation.id}/messages/${sent.id}`)
      .set(ana.auth)
      .send({ body: 'Still there?' })
      .expect(200);
    expect((await updated).body).toBe('Still there?');
    expect(cleoHeard).toBe(false);
  });

  it('shows a reported message and the five before it to site moderators only, and logs that they were opened', async () => {
    const conversation = await start(ana, [ben], 'Report me', 'message 1');
    for (let n = 2; n <= 8; n += 1) await send(n % 2 ? ana : ben, conversation.id, `message ${n}`);
    const messages = await messagesOf(ana, conversation.id);
    const reported = messages.find((message) => message.body === 'message 8')!;
    await t
      .http()
      .post('/api/flags')
      .set(ana.auth)
      .send({ targetType: 'message', targetId: reported.id, reason: 'harassment' })
      .expect(201);
    await t
      .http()
      .post('/api/flags')
      .set(cleo.auth)
      .send({ targetType: 'message', targetId: reported.id, reason: 'harassment' })
      .expect(404);
    const own = messages.find((message) => message.body === 'message 7')!;
    await t.http().post('/api/flags').set(ana.auth).send({ targetType: 'message', targetId: own.id, reason: 'spam' }).expect(403);
    const items = (await t.http().get('/api/moderation/queue').set(moderator.auth).expect(200)).body.items as ReviewItemDto[];
    const item = items.find((candidate) => candidate.target.id === reported.id)!;
    expect(item.context?.map((message) => message.body)).toEqual([
      'message 3',
      'message 4',
      'message 5',
      'message 6',
      'message 7',
      'message 8',
    ]);
    expect(item.target).toMatchObject({ type: 'message', body: 'message 8', member: { id: ben.user.id } });
    const log = await sql<{ action: string }>(t.databaseUrl, `SELECT action FROM moderation_log WHERE actor_id = $1 AND target_id = $2`, [
      moderator.user.id,
      reported.id,
    ]);
    expect(log).toEqual([{ action: 'message.context_opened' }]);
    // Still nothing else of the conversation for the moderator.
    await t.http().get(`/api/conversations/${conversation.id}/messages`).set(moderator.auth).expect(404);
    await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'hide' }).expect(400);
    await t.http().post(`/api/moderation/flags/${item.id}/resolve`).set(moderator.auth).send({ action: 'delete' }).expect(204);
    const after = (await messagesOf(ana, conversation.id)).find((message) => message.id === reported.id)!;
    expect(after).toMatchObject({ body: '', html: '', author: null });
  });

  it('finds the member’s own conversations by their words, and nobody else’s', async () => {
    const conversation = await start(ana, [ben], 'Fentanyl strips', 'The zebrawords batch tested positive');
    expect((await inbox(ben, '?q=zebrawords')).map((item) => item.id)).toEqual([conversation.id]);
    expect((await inbox(ana, '?q=fentanyl')).map((item) => item.id)).toContain(conversation.id);
    expect(await inbox(cleo, '?q=zebrawords')).toEqual([]);
    expect(await inbox(admin, '?q=zebrawords')).toEqual([]);
    const search = await t.http().get('/api/search?q=zebrawords').set(ben.auth).expect(200);
    expect(search.body.items).toEqual([]);
  });
});
