import type { ConversationDto, MessageDto } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

/** Starts a conversation through the API (201): with members, or with a group's staff. */
export async function startConversation(
  t: TestApp,
  from: TestMember,
  to: TestMember[] | { group: string },
  subject = 'Hello',
  body = 'First words',
): Promise<ConversationDto> {
  const recipients = Array.isArray(to) ? to.map((member) => member.user.username) : to;
  const response = await t.http().post('/api/conversations').set(from.auth).send({ to: recipients, subject, body }).expect(201);
  return response.body as ConversationDto;
}

export async function sendMessage(t: TestApp, from: TestMember, conversationId: string, body: string): Promise<MessageDto> {
  return (await t.http().post(`/api/conversations/${conversationId}/messages`).set(from.auth).send({ body }).expect(201))
    .body as MessageDto;
}

/** The first page of a conversation's messages, as `who` reads it. */
export async function messagesOf(t: TestApp, who: TestMember, conversationId: string): Promise<MessageDto[]> {
  return (await t.http().get(`/api/conversations/${conversationId}/messages`).set(who.auth).expect(200)).body.items as MessageDto[];
}

/** The first page of `who`'s inbox (`query`: `?unread=true`, `?q=…`). */
export async function inboxOf(t: TestApp, who: TestMember, query = ''): Promise<ConversationDto[]> {
  return (await t.http().get(`/api/conversations${query}`).set(who.auth).expect(200)).body.items as ConversationDto[];
}
