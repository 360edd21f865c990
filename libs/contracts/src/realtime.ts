import type { UserDto } from './accounts';
import type { AlertEvent } from './alerts';
import type { ConversationRef, ConversationTypingEvent, MessageDto } from './conversations';
import type { PostDto } from './forum';
import type { NotificationDto } from './notifications';

/**
 * The Socket.IO contract (api.md, "Socket.IO"): the server types its `Server`/`Socket` with these maps and
 * the client its `Socket`, so an event or a field renamed on one side fails the typecheck of the other.
 */

/** Why a client event was refused (api.md lists the first three; `rate_limited` answers a flooding socket). */
export type SocketError = 'not_found' | 'forbidden' | 'invalid' | 'rate_limited';

/** The acknowledgement every client event is answered with. */
export type SocketAck = { ok: true } | { ok: false; error: SocketError };

/** Names one topic: the payload of every topic event a client sends, and of `topic:closed`. */
export interface TopicRef {
  topicId: string;
}

/** Client → server. Each is answered through its acknowledgement (the client may ignore the answer). */
export interface ClientToServerEvents {
  /** Joins a topic's room: only a topic the caller may see (else `not_found`, as over HTTP). */
  'topic:join': (payload: TopicRef, ack: (answer: SocketAck) => void) => void;
  'topic:leave': (payload: TopicRef, ack: (answer: SocketAck) => void) => void;
  /** The member is typing a reply in a topic whose room they are in. */
  'topic:typing': (payload: TopicRef, ack: (answer: SocketAck) => void) => void;
  /** The member is typing in a conversation of theirs (else `not_found`). */
  'conversation:typing': (payload: ConversationRef, ack: (answer: SocketAck) => void) => void;
}

export interface PostDeletedEvent {
  id: string;
  topicId: string;
}

/** Who is in a topic's room: readers (members counted once, each visitor once) and who is typing. */
export interface TopicPresenceEvent {
  topicId: string;
  readers: number;
  typing: UserDto[];
}

export interface NotificationCountEvent {
  count: number;
}

export type SessionEndReason = 'logout' | 'revoked' | 'password_reset' | 'password_changed' | 'suspended' | 'banned' | 'deleted';

export interface SessionRevokedEvent {
  reason: SessionEndReason;
}

/** Server → client. */
export interface ServerToClientEvents {
  /** To a topic's room, as every reader in it may see the post (no reader's own marks). */
  'post:created': (post: PostDto) => void;
  'post:updated': (post: PostDto) => void;
  'post:deleted': (event: PostDeletedEvent) => void;
  'topic:presence': (presence: TopicPresenceEvent) => void;
  /** The socket left a topic's room because its caller may no longer see the topic. */
  'topic:closed': (event: TopicRef) => void;
  /** Staff split posts off the topic or merged topics into it (or it into another): its readers load it again. */
  'topic:rearranged': (event: TopicRef) => void;
  /** To the member's own room (every tab and device). */
  notification: (notification: NotificationDto) => void;
  'notification:count': (event: NotificationCountEvent) => void;
  /** The session ended; the server disconnects the socket next. */
  'session:revoked': (event: SessionRevokedEvent) => void;
  /** To each participant's own room: a new message, or one edited, in a conversation of theirs. */
  'message:created': (message: MessageDto) => void;
  'message:updated': (message: MessageDto) => void;
  /** To the other participants' own rooms: someone is typing in a conversation (shown for a few seconds). */
  'conversation:typing': (event: ConversationTypingEvent) => void;
  /** To the own room of each member subscribed to one of its regions (never one who turned alerts off): a drug-supply alert. */
  alert: (event: AlertEvent) => void;
}

/**
 * What an API process asks the others to do (`serverSideEmit`): re-check the rooms of one member's sockets,
 * or of every socket (`settings`: drop the cached site settings first).
 */
export type RecheckMessage = { userId: string } | { all: true; settings?: true };

/** Between API processes (server-side emits through the adapter); never seen by a client. */
export interface InterServerEvents {
  'harbour:recheck': (message: RecheckMessage) => void;
  /** A drug-supply alert for the sockets of these members on the receiving process (each process emits to its own). */
  'harbour:alert': (message: { event: AlertEvent; audienceIds: string[] }) => void;
}

/** The payload a client sends with a client event, and the answer it gets back. */
export type ClientEventPayload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
export type ClientEventAnswer<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
