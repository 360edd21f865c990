import type { PageQuery, UserDto } from './accounts';
import type { GroupDto } from './groups';

/** The most participants one conversation may have (api.md 1.1, Private conversations). */
export const MAX_PARTICIPANTS = 20;

/** What the caller may do in a conversation (api.md 1.1): each false while silenced. */
export interface ConversationCan {
  reply: boolean;
  /** Add someone (a participant, while the conversation has fewer than MAX_PARTICIPANTS). */
  invite: boolean;
  leave: boolean;
  /** Edit the caller's own messages. */
  edit: boolean;
  /** Report a message of someone else's. */
  flag: boolean;
}

/**
 * A private conversation, only ever shown to its participants. A group inbox (`group` set) has as participants
 * its writer and the group's current owners and moderators, who join and leave it as the group's staff changes.
 */
export interface ConversationDto {
  id: string;
  subject: string;
  participants: UserDto[];
  /** The group whose staff this conversation writes to (a support desk), or null between members. */
  group: GroupDto | null;
  lastMessageAt: string;
  /** Messages after the caller's read position. */
  unreadCount: number;
  /** How many messages there are (deleted members' included as tombstones). */
  messageCount: number;
  can: ConversationCan;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  /** Null when the author's account was deleted with their messages (a tombstone). */
  author: UserDto | null;
  /** Markdown, as written (empty for a deleted member's message). */
  body: string;
  /** Sanitized HTML, rendered exactly as posts are. */
  html: string;
  createdAt: string;
  editedAt: string | null;
  /** The caller blocked the author: a client collapses the message behind a click (as for posts). */
  blockedAuthor: boolean;
}

/** `conversation:typing`, to the other participants' own rooms. */
export interface ConversationTypingEvent {
  conversationId: string;
  user: UserDto;
}

export interface ConversationRef {
  conversationId: string;
}

// Request bodies and query strings (see accounts.ts).

export interface CreateConversationBody {
  /** Usernames (1 to MAX_PARTICIPANTS - 1 others), or a group whose staff to write to. */
  to: string[] | { group: string };
  subject: string;
  body: string;
}

export interface ConversationsQuery extends PageQuery {
  unread?: boolean;
  /** Words: only the caller's conversations whose subject or a message has them (the member's own search). */
  q?: string;
}

export interface MessagesQuery extends PageQuery {
  /** A message id: the page starts after it. */
  after?: string;
}

export interface SendMessageBody {
  body: string;
}

export interface EditMessageBody {
  body: string;
}

export interface ReadConversationBody {
  messageId: string;
}

export interface AddParticipantBody {
  username: string;
}
