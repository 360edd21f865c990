import type { Fixtures, MatrixRole } from './matrix';

/**
 * The Socket.IO events × roles: what the acknowledgement says. A suspended member's token is dead, so
 * their handshake is refused before any event.
 */
export type SocketAnswer = { ok: true } | { ok: false; error: string };
const ok: SocketAnswer = { ok: true };
const notFound: SocketAnswer = { ok: false, error: 'not_found' };
const forbidden: SocketAnswer = { ok: false, error: 'forbidden' };
export const SOCKET_MATRIX: {
  event: string;
  topic: (f: Fixtures) => string;
  /** What the event carries, when it is not `{ topicId }` (a conversation's events). */
  payload?: (f: Fixtures) => Record<string, string>;
  expect: Record<Exclude<MatrixRole, 'suspended'>, SocketAnswer>;
}[] = [
  {
    event: 'topic:join',
    topic: (f) => f.topic,
    expect: { anonymous: ok, outsider: ok, member: ok, groupModerator: ok, groupOwner: ok, silenced: ok, moderator: ok, admin: ok },
  },
  {
    event: 'topic:join',
    topic: (f) => f.privateTopic,
    expect: {
      anonymous: notFound,
      outsider: notFound,
      member: ok,
      groupModerator: ok,
      groupOwner: ok,
      silenced: ok,
      moderator: notFound,
      admin: ok,
    },
  },
  {
    // A site support desk's topic by the bystander: theirs and the site staff's (desk-rows.ts).
    event: 'topic:join',
    topic: (f) => f.desks.siteTopic,
    expect: {
      anonymous: notFound,
      outsider: notFound,
      member: notFound,
      groupModerator: notFound,
      groupOwner: notFound,
      silenced: notFound,
      moderator: ok,
      admin: ok,
    },
  },
  {
    // After joining the public topic: only members who may post may type.
    event: 'topic:typing',
    topic: (f) => f.topic,
    expect: {
      anonymous: forbidden,
      outsider: ok,
      member: ok,
      groupModerator: ok,
      groupOwner: ok,
      silenced: forbidden,
      moderator: ok,
      admin: ok,
    },
  },
  {
    // A conversation between the member and the silenced member: nobody else hears of it, staff included.
    event: 'conversation:typing',
    topic: (f) => f.conversations.between.id,
    payload: (f) => ({ conversationId: f.conversations.between.id }),
    expect: {
      anonymous: notFound,
      outsider: notFound,
      member: ok,
      groupModerator: notFound,
      groupOwner: notFound,
      silenced: forbidden,
      moderator: notFound,
      admin: notFound,
    },
  },
  {
    // The member wrote to the private group's staff: its owner and moderator are in it too.
    event: 'conversation:typing',
    topic: (f) => f.conversations.inbox.id,
    payload: (f) => ({ conversationId: f.conversations.inbox.id }),
    expect: {
      anonymous: notFound,
      outsider: notFound,
      member: ok,
      groupModerator: ok,
      groupOwner: ok,
      silenced: forbidden,
      moderator: notFound,
      admin: notFound,
    },
  },
];
