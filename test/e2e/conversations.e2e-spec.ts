import type { ConversationDto, MessageDto } from '@harbour/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { inboxOf, messagesOf as readMessages, sendMessage, startConversation } from '../support/conversations';
import { addToGroup, newGroup } from '../support/groups';

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Private conversations and group inboxes (api.md 1.1): who may write to whom, who reads (participants and a
 * group's current staff, nobody else, staff included), bad input, read state, adding and leaving, edits kept.
 * Live events, reports and search: conversations-live.e2e-spec.ts.
 */
describe('private conversations', () => {
  let t: TestApp;
  let admin: TestMember;
  let moderator: TestMember;
  let ana: TestMember;
  let ben: TestMember;
  let cleo: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newMember(t, { role: 'admin' });
    moderator = await newMember(t, { role: 'moderator' });
    [ana, ben, cleo] = [await newMember(t), await newMember(t), await newMember(t)];
  });
  afterAll(() => t.close());

  const start = (from: TestMember, to: TestMember[] | { group: string }, subject?: string, body?: string) =>
    startConversation(t, from, to, subject, body);
  const send = (from: TestMember, id: string, body: string) => sendMessage(t, from, id, body);
  const messagesOf = (who: TestMember, id: string) => readMessages(t, who, id);
  const inbox = (who: TestMember, query?: string) => inboxOf(t, who, query);

  it('starts a conversation that only its participants read: staff, admins included, get the 404 of a missing one', async () => {
    const conversation = await start(ana, [ben], 'Supplies', 'Do you have **naloxone** kits?');
    expect(conversation.participants.map((user) => user.username).sort()).toEqual([ana.user.username, ben.user.username].sort());
    expect(conversation.can).toEqual({ reply: true, invite: true, leave: true, edit: true, flag: true });
    expect(conversation.unreadCount).toBe(0);
    const [first] = await messagesOf(ben, conversation.id);
    expect(first).toMatchObject({ body: 'Do you have **naloxone** kits?', author: { id: ana.user.id }, editedAt: null });
    expect(first!.html).toContain('<strong>naloxone</strong>');
    expect((await inbox(ben)).find((item) => item.id === conversation.id)?.unreadCount).toBe(1);
    for (const outsider of [cleo, moderator, admin]) {
      await t.http().get(`/api/conversations/${conversation.id}`).set(outsider.auth).expect(404);
      await t.http().get(`/api/conversations/${conversation.id}/messages`).set(outsider.auth).expect(404);
      await t.http().post(`/api/conversations/${conversation.id}/messages`).set(outsider.auth).send({ body: 'x' }).expect(404);
      await t.http().put(`/api/conversations/${conversation.id}/read`).set(outsider.auth).send({ messageId: first!.id }).expect(404);
      await t.http().delete(`/api/conversations/${conversation.id}/participants/me`).set(outsider.auth).expect(404);
      expect((await inbox(outsider)).map((item) => item.id)).not.toContain(conversation.id);
    }
    await t.http().get(`/api/conversations/${MISSING}`).set(ana.auth).expect(404);
    await t.http().get(`/api/conversations/${conversation.id}`).expect(401);
  });

  it('refuses with one answer whoever will not hear from the writer: their choice or their block', async () => {
    const [quiet, blocker, grouped] = [await newMember(t), await newMember(t), await newMember(t)];
    await t.http().patch('/api/me').set(quiet.auth).send({ messagesFrom: 'nobody' }).expect(200);
    await t.http().put(`/api/me/blocks/${ana.user.id}`).set(blocker.auth).expect(204);
    await t.http().patch('/api/me').set(grouped.auth).send({ messagesFrom: 'groups' }).expect(200);
    const answers = [];
    for (const target of [quiet, blocker, grouped]) {
      const refused = await t
        .http()
        .post('/api/conversations')
        .set(ana.auth)
        .send({ to: [target.user.username], subject: 's', body: 'b' })
        .expect(403);
      answers.push(refused.body.message.replace(target.user.username, '<name>'));
      const profile = await t.http().get(`/api/users/${target.user.username}`).set(ana.auth).expect(200);
      expect(profile.body.canMessage).toBe(false);
    }
    expect(new Set(answers)).toEqual(new Set(['cannot message <name>']));
    // Sharing a group is what `groups` asks for.
    const group = await newGroup(t, grouped, 'private');
    await addToGroup(t, group, grouped, ana);
    await start(ana, [grouped]);
    expect((await t.http().get(`/api/users/${ben.user.username}`).set(ana.auth).expect(200)).body.canMessage).toBe(true);
    expect(
      await sql(
        t.databaseUrl,
        'SELECT 1 FROM conversations c JOIN conversation_participants p ON p.conversation_id = c.id WHERE p.user_id = $1',
        [quiet.user.id],
      ),
    ).toEqual([]);
  });

  it('names each bad field and stores nothing', async () => {
    const before = (await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM conversations'))[0]!.n;
    const bad: [Record<string, unknown>, string][] = [
      [{ to: [], subject: 's', body: 'b' }, 'to'],
      [{ to: 'ben', subject: 's', body: 'b' }, 'to'],
      [{ to: { group: 'x', extra: 1 }, subject: 's', body: 'b' }, 'to'],
      [{ to: [ben.user.username], subject: '', body: 'b' }, 'subject'],
      [{ to: [ben.user.username], subject: 's\u0000', body: 'b' }, 'subject'],
      [{ to: [ben.user.username], subject: 's', body: null }, 'body'],
      [{ to: [ben.user.username], subject: 's', body: 'a\ud800' }, 'body'],
      [{ to: [ana.user.username], subject: 's', body: 'b' }, 'to'],
      [{ to: Array.from({ length: 20 }, (_, i) => `name${i}`), subject: 's', body: 'b' }, 'to'],
    ];
    for (const [body, field] of bad) {
      const answer = await t.http().post('/api/conversations').set(ana.auth).send(body);
      expect([answer.status, JSON.stringify(answer.body.message)]).toEqual([400, expect.stringContaining(field)]);
    }
    await t
      .http()
      .post('/api/conversations')
      .set(ana.auth)
      .send({ to: ['nobody_is_called_this'], subject: 's', body: 'b' })
      .expect(404);
    const conversation = await start(ana, [ben]);
    await t.http().get(`/api/conversations/${conversation.id}/messages?after=junk`).set(ana.auth).expect(400);
    await t.http().get(`/api/conversations/${conversation.id}/messages?after=${MISSING}`).set(ana.auth).expect(400);
    await t.http().put(`/api/conversations/${conversation.id}/read`).set(ana.auth).send({ messageId: MISSING }).expect(400);
    await t.http().get('/api/conversations?unread=maybe').set(ana.auth).expect(400);
    expect((await sql<{ n: number }>(t.databaseUrl, 'SELECT count(*)::int AS n FROM conversations'))[0]!.n).toBe(before + 1);
  });

  it('keeps read state, unread counts and edits (the earlier body kept as a revision)', async () => {
    const conversation = await start(ana, [ben]);
    const reply = await send(ben, conversation.id, 'Yes, two kits');
    await send(ben, conversation.id, 'Come by at noon');
    const count = async (who: TestMember) =>
      (await t.http().get('/api/conversations/unread-count').set(who.auth).expect(200)).body.count as number;
    expect((await t.http().get(`/api/conversations/${conversation.id}`).set(ana.auth).expect(200)).body.unreadCount).toBe(2);
    const before = await count(ana);
    expect((await inbox(ana, '?unread=true')).map((item) => item.id)).toContain(conversation.id);
    await t.http().put(`/api/conversations/${conversation.id}/read`).set(ana.auth).send({ messageId: reply.id }).expect(204);
    expect((await t.http().get(`/api/conversations/${conversation.id}`).set(ana.auth).expect(200)).body.unreadCount).toBe(1);
    const messages = await messagesOf(ana, conversation.id);
    await t
      .http()
      .put(`/api/conversations/${conversation.id}/read`)
      .set(ana.auth)
      .send({ messageId: messages.at(-1)!.id })
      .expect(204);
    expect(await count(ana)).toBe(before - 1);
    expect((await inbox(ana, '?unread=true')).map((item) => item.id)).not.toContain(conversation.id);

    const edited = await t
      .http()
      .patch(`/api/conversations/${conversation.id}/messages/${reply.id}`)
      .set(ben.auth)
      .send({ body: 'Yes, three kits' })
      .expect(200);
    expect(edited.body).toMatchObject({ body: 'Yes, three kits', editedAt: expect.any(String) });
    await t.http().patch(`/api/conversations/${conversation.id}/messages/${reply.id}`).set(ana.auth).send({ body: 'forged' }).expect(403);
    const kept = await sql<{ body: string }>(t.databaseUrl, 'SELECT body FROM message_revisions WHERE message_id = $1', [reply.id]);
    expect(kept).toEqual([{ body: 'Yes, two kits' }]);
    // Paging: after a message, oldest first.
    const after = (await t.http().get(`/api/conversations/${conversation.id}/messages?after=${reply.id}`).set(ana.auth).expect(200)).body
      .items as MessageDto[];
    expect(after.map((message) => message.body)).toEqual(['Come by at noon']);
  });

  it('adds someone (who then sees it all) up to 20, and lets a participant leave for good', async () => {
    const conversation = await start(ana, [ben]);
    await t
      .http()
      .post(`/api/conversations/${conversation.id}/participants`)
      .set(ben.auth)
      .send({ username: cleo.user.username })
      .expect(204);
    expect(await messagesOf(cleo, conversation.id)).toHaveLength(1);
    await t
      .http()
      .post(`/api/conversations/${conversation.id}/participants`)
      .set(ben.auth)
      .send({ username: 'no_such_member' })
      .expect(404);
    await t.http().delete(`/api/conversations/${conversation.id}/participants/me`).set(cleo.auth).expect(204);
    await t.http().get(`/api/conversations/${conversation.id}`).set(cleo.auth).expect(404);
    const shown = (await t.http().get(`/api/conversations/${conversation.id}`).set(ana.auth).expect(200)).body as ConversationDto;
    expect(shown.participants.map((user) => user.id)).not.toContain(cleo.user.id);
    // Up to 20 named (cleo left: her place is free again): 18 more fit, the 21st does not.
    const crowd = await Promise.all(Array.from({ length: 19 }, () => newMember(t)));
    for (const member of crowd.slice(0, 18)) {
      await t
        .http()
        .post(`/api/conversations/${conversation.id}/participants`)
        .set(ana.auth)
        .send({ username: member.user.username })
        .expect(204);
    }
    const full = (await t.http().get(`/api/conversations/${conversation.id}`).set(ana.auth).expect(200)).body as ConversationDto;
    expect(full.participants).toHaveLength(20);
    expect(full.can.invite).toBe(false);
    await t
      .http()
      .post(`/api/conversations/${conversation.id}/participants`)
      .set(ana.auth)
      .send({ username: crowd[18]!.user.username })
      .expect(422);
  });

  it('does not tell someone writing to a private group’s staff who they are, until they answer', async () => {
    const [owner, mod] = [await newMember(t), await newMember(t)];
    const group = await newGroup(t, owner, 'private');
    await addToGroup(t, group, owner, mod, 'moderator');
    const desk = await start(cleo, { group: group.slug }, 'Private question', 'Is anyone there?');
    expect(desk.participants.map((user) => user.id)).toEqual([cleo.user.id]);
    const staffView = (await t.http().get(`/api/conversations/${desk.id}`).set(mod.auth).expect(200)).body as ConversationDto;
    expect(staffView.participants.map((user) => user.id).sort()).toEqual([cleo.user.id, owner.user.id, mod.user.id].sort());
    await send(mod, desk.id, 'Yes, I am here');
    expect((await messagesOf(cleo, desk.id)).map((message) => message.author?.id)).toEqual([cleo.user.id, mod.user.id]);
    expect(((await inbox(cleo)).find((item) => item.id === desk.id)?.participants ?? []).map((user) => user.id)).toEqual([cleo.user.id]);
  });

  it('writes to a group’s staff, who come and go with their role, and who see who wrote', async () => {
    const [owner, mod, member] = [await newMember(t), await newMember(t), await newMember(t)];
    const group = await newGroup(t, owner, 'public');
    await addToGroup(t, group, owner, mod, 'moderator');
    await addToGroup(t, group, owner, member);
    expect((await t.http().get(`/api/groups/${group.slug}`).set(ana.auth).expect(200)).body.can.message).toBe(true);
    expect((await t.http().get(`/api/groups/${group.slug}`).set(owner.auth).expect(200)).body.can.message).toBe(false);
    const desk = await start(ana, { group: group.slug }, 'Need help', 'Where can I get tested?');
    expect(desk.group?.slug).toBe(group.slug);
    expect(desk.participants.map((user) => user.id).sort()).toEqual([ana.user.id, owner.user.id, mod.user.id].sort());
    expect((await messagesOf(mod, desk.id))[0]?.author?.id).toBe(ana.user.id);
    await t.http().get(`/api/conversations/${desk.id}`).set(member.auth).expect(404);
    await send(owner, desk.id, 'Here is the address');
    // The moderator steps down: out at once. The member steps up: in at once, history included.
    await t.http().patch(`/api/groups/${group.slug}/members/${mod.user.id}`).set(owner.auth).send({ role: 'member' }).expect(204);
    await t.http().get(`/api/conversations/${desk.id}`).set(mod.auth).expect(404);
    await t.http().patch(`/api/groups/${group.slug}/members/${member.user.id}`).set(owner.auth).send({ role: 'moderator' }).expect(204);
    expect(await messagesOf(member, desk.id)).toHaveLength(2);
    expect((await inbox(member)).find((item) => item.id === desk.id)?.unreadCount).toBe(2);
    await t
      .http()
      .post('/api/conversations')
      .set(ana.auth)
      .send({ to: { group: 'no-such-group' }, subject: 's', body: 'b' })
      .expect(404);
    const hidden = await newGroup(t, owner, 'hidden');
    await t
      .http()
      .post('/api/conversations')
      .set(ana.auth)
      .send({ to: { group: hidden.slug }, subject: 's', body: 'b' })
      .expect(404);
  });
});
