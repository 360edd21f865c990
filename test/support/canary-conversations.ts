import { strFromU8, unzipSync } from 'fflate';
import type { ConversationDto, MessageDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { newMember, type TestMember } from './factories';
import { addToGroup, newGroup } from './groups';

/** A canary in private conversations: who wrote it, who reads it by right, and who sweeps for it. */
export interface ConversationCanary {
  /** In every subject and message; `${word}b` is in the messages' words only (mail may name a subject, never the words). */
  word: string;
  writer: TestMember;
  reader: TestMember;
  /** The owner of the group whose inbox the writer wrote to. */
  inboxOwner: TestMember;
  /** Who must never find it: site staff and another group's moderator (the other group's owner is the caller's). */
  siteModerator: TestMember;
  otherModerator: TestMember;
  between: { id: string; firstMessage: string };
  inbox: { id: string };
}

/**
 * Plants the canary between two members (a subject, a message edited so its first words are a revision, an
 * answer, a mention of the outsider) and in a group's inbox. `owner` owns another group, where `otherModerator`
 * moderates.
 */
export async function plantConversationCanary(t: TestApp, owner: TestMember, outsiderName: string): Promise<ConversationCanary> {
  const word = `letter${Math.random().toString(36).slice(2, 10)}`;
  const siteModerator = await newMember(t, { role: 'moderator' });
  const [writer, reader, inboxOwner, otherModerator] = [await newMember(t), await newMember(t), await newMember(t), await newMember(t)];
  const otherGroup = await newGroup(t, owner, 'hidden');
  await addToGroup(t, otherGroup, owner, otherModerator, 'moderator');
  const inboxGroup = await newGroup(t, inboxOwner, 'private');
  const start = async (to: string[] | { group: string }, subject: string, body: string) =>
    (await t.http().post('/api/conversations').set(writer.auth).send({ to, subject, body }).expect(201)).body as ConversationDto;
  const between = await start([reader.user.username], `About ${word}s`, `${word}b first words, @${outsiderName}`);
  const [first] = (await t.http().get(`/api/conversations/${between.id}/messages`).set(writer.auth).expect(200)).body.items as MessageDto[];
  await t
    .http()
    .patch(`/api/conversations/${between.id}/messages/${first!.id}`)
    .set(writer.auth)
    .send({ body: `${word}b edited words` })
    .expect(200);
  await t
    .http()
    .post(`/api/conversations/${between.id}/messages`)
    .set(reader.auth)
    .send({ body: `${word}b answer` })
    .expect(201);
  const inbox = await start({ group: inboxGroup.slug }, `To the staff ${word}s`, `${word}b for the staff`);
  return {
    word,
    writer,
    reader,
    inboxOwner,
    siteModerator,
    otherModerator,
    between: { id: between.id, firstMessage: first!.id },
    inbox: { id: inbox.id },
  };
}

/**
 * Every GET where a letter could surface for someone outside it: the conversation routes, search, the members'
 * profiles and moderation pages, the queue, log and outbox, notifications (the forum's routes: the spec's own sweep).
 */
export function conversationSweepUrls(canary: ConversationCanary): string[] {
  const { word, writer, reader, between, inbox } = canary;
  return [
    '/api/conversations',
    `/api/conversations?q=${word}`,
    `/api/conversations?q=${word}s`,
    '/api/conversations?unread=true',
    '/api/conversations/unread-count',
    ...[between.id, inbox.id].flatMap((id) => [`/api/conversations/${id}`, `/api/conversations/${id}/messages`]),
    `/api/search?q=${word}`,
    `/api/search?q=${word}b`,
    ...[writer, reader].flatMap((member) => [
      `/api/users/${member.user.username}`,
      `/api/users/${member.user.username}/posts`,
      `/api/moderation/users/${member.user.id}`,
    ]),
    `/api/users?prefix=${writer.user.username.slice(0, 8)}`,
    '/api/moderation/queue',
    '/api/moderation/log',
    '/api/admin/users',
    '/api/admin/outbox',
    '/api/notifications',
    '/api/notifications?unread=true',
    '/api/notifications/unread-count',
    '/api/me',
    '/api/bookmarks',
  ];
}

/** Every file of a member's data export, as text. */
export async function exportedTexts(t: TestApp, member: TestMember): Promise<Record<string, string>> {
  const response = await t
    .http()
    .post('/api/me/export')
    .set(member.auth)
    .send({ password: member.password })
    .responseType('blob')
    .expect(200);
  const files = unzipSync(new Uint8Array(response.body as Buffer));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
