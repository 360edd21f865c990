import type { ConversationDto, GroupDto, MessageDto } from '@harbour/contracts';
import type { TestApp } from '../app';
import type { TestMember } from '../factories';
import { MISSING, roles, signedIn, type Expectation, type MatrixRole, type Row } from './matrix';

/** The conversations the rows act on (made before the silenced member is silenced: see conversationFixtures). */
export interface ConversationFixtures {
  /** Between the member and the silenced member, who wrote its second message before being silenced. */
  between: { id: string; memberMessage: string; silencedMessage: string };
  /** The member wrote to the private group's staff (its owner and moderator), then named the silenced member in it. */
  inbox: { id: string; memberMessage: string };
  /** A new conversation of either kind, for the rows that leave one. */
  fresh: (kind: 'between' | 'inbox') => Promise<string>;
}

type Members = Partial<Record<MatrixRole, TestMember>>;

export async function conversationFixtures(t: TestApp, members: Members, group: GroupDto): Promise<ConversationFixtures> {
  const member = members.member!;
  const silenced = members.silenced!;
  const start = async (to: string[] | { group: string }) =>
    (await t.http().post('/api/conversations').set(member.auth).send({ to, subject: 'Matrix', body: 'First' }).expect(201))
      .body as ConversationDto;
  const send = async (from: TestMember, id: string) =>
    (await t.http().post(`/api/conversations/${id}/messages`).set(from.auth).send({ body: 'Next' }).expect(201)).body as MessageDto;
  const firstMessage = async (id: string) =>
    ((await t.http().get(`/api/conversations/${id}/messages`).set(member.auth).expect(200)).body.items as MessageDto[])[0]!.id;
  const fresh = async (kind: 'between' | 'inbox') => {
    const conversation = await start(kind === 'between' ? [silenced.user.username] : { group: group.slug });
    // The silenced member is in both kinds, so that the matrix's rule for them (a member's reads, no writes) holds.
    if (kind === 'inbox')
      await t
        .http()
        .post(`/api/conversations/${conversation.id}/participants`)
        .set(member.auth)
        .send({ username: silenced.user.username })
        .expect(204);
    return conversation.id;
  };
  const between = await fresh('between');
  const inbox = await fresh('inbox');
  return {
    between: { id: between, memberMessage: await firstMessage(between), silencedMessage: (await send(silenced, between)).id },
    inbox: { id: inbox, memberMessage: await firstMessage(inbox) },
    fresh,
  };
}

/** Only the member (and the silenced member, by the matrix's rule) is in it: no staff role, site or group, reaches it. */
const between = (status: number): Expectation => roles(401, 404, { member: status });
/** The member and the group's owner and moderator; the site's moderator and admin get the missing-id 404 too. */
const inbox = (status: number): Expectation => roles(401, 404, { member: status, groupModerator: status, groupOwner: status });

/** Matrix rows of issue 16 (private conversations and group inboxes): every route × every role. */
export const CONVERSATION_ROWS: Row[] = [
  {
    method: 'POST',
    path: '/api/conversations',
    body: (f) => ({ to: [f.bystander.user.username], subject: 'Matrix', body: 'Hello' }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    path: '/api/conversations',
    body: (f) => ({ to: { group: f.group.slug }, subject: 'Matrix', body: 'Hello staff' }),
    // The group's own staff answer its inbox; they do not write to it.
    expect: roles(401, 201, { groupModerator: 403, groupOwner: 403 }),
  },
  { method: 'GET', path: '/api/conversations', expect: signedIn(200) },
  { method: 'GET', path: '/api/conversations/unread-count', expect: signedIn(200) },
  { method: 'GET', path: '/api/conversations/:id', url: (f) => `/api/conversations/${f.conversations.between.id}`, expect: between(200) },
  { method: 'GET', path: '/api/conversations/:id', url: (f) => `/api/conversations/${f.conversations.inbox.id}`, expect: inbox(200) },
  { method: 'GET', path: '/api/conversations/:id', url: () => `/api/conversations/${MISSING}`, expect: signedIn(404) },
  {
    method: 'GET',
    path: '/api/conversations/:id/messages',
    url: (f) => `/api/conversations/${f.conversations.between.id}/messages`,
    expect: between(200),
  },
  {
    method: 'GET',
    path: '/api/conversations/:id/messages',
    url: (f) => `/api/conversations/${f.conversations.inbox.id}/messages`,
    expect: inbox(200),
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/messages',
    url: (f) => `/api/conversations/${f.conversations.between.id}/messages`,
    body: { body: 'Matrix reply' },
    expect: between(201),
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/messages',
    url: (f) => `/api/conversations/${f.conversations.inbox.id}/messages`,
    body: { body: 'Matrix reply' },
    expect: inbox(201),
  },
  {
    method: 'PATCH',
    path: '/api/conversations/:id/messages/:messageId',
    url: (f) => `/api/conversations/${f.conversations.between.id}/messages/${f.conversations.between.memberMessage}`,
    body: { body: 'Matrix edit' },
    expect: between(200),
  },
  {
    method: 'PATCH',
    path: '/api/conversations/:id/messages/:messageId',
    url: (f) => `/api/conversations/${f.conversations.inbox.id}/messages/${f.conversations.inbox.memberMessage}`,
    body: { body: 'Matrix edit' },
    // The staff read the member's message; only its author edits it.
    expect: { ...inbox(200), groupModerator: 403, groupOwner: 403 },
  },
  {
    method: 'PUT',
    path: '/api/conversations/:id/read',
    url: (f) => `/api/conversations/${f.conversations.between.id}/read`,
    body: (f) => ({ messageId: f.conversations.between.memberMessage }),
    expect: between(204),
    evenSilenced: true,
  },
  {
    method: 'PUT',
    path: '/api/conversations/:id/read',
    url: (f) => `/api/conversations/${f.conversations.inbox.id}/read`,
    body: (f) => ({ messageId: f.conversations.inbox.memberMessage }),
    expect: inbox(204),
    evenSilenced: true,
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/participants',
    url: (f) => `/api/conversations/${f.conversations.between.id}/participants`,
    body: (f) => ({ username: f.bystander.user.username }),
    expect: between(204),
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/participants',
    url: (f) => `/api/conversations/${f.conversations.inbox.id}/participants`,
    body: (f) => ({ username: f.bystander.user.username }),
    expect: inbox(204),
  },
  // Leaving ends the caller's part in it: each call leaves a conversation of its own.
  {
    method: 'DELETE',
    path: '/api/conversations/:id/participants/me',
    url: async (f) => `/api/conversations/${await f.conversations.fresh('between')}/participants/me`,
    expect: between(204),
    evenSilenced: true,
  },
  {
    method: 'DELETE',
    path: '/api/conversations/:id/participants/me',
    url: async (f) => `/api/conversations/${await f.conversations.fresh('inbox')}/participants/me`,
    expect: inbox(204),
    evenSilenced: true,
  },
  // A participant reports someone else's message; nobody else, site staff included, finds it to report.
  {
    method: 'POST',
    path: '/api/flags',
    body: (f) => ({ targetType: 'message', targetId: f.conversations.between.silencedMessage, reason: 'harassment' }),
    expect: between(201),
  },
  {
    method: 'POST',
    path: '/api/flags',
    body: (f) => ({ targetType: 'message', targetId: f.conversations.inbox.memberMessage, reason: 'harassment' }),
    // The member may not report their own message.
    expect: { ...inbox(201), member: 403 },
  },
];
