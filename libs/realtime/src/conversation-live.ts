import { Injectable } from '@nestjs/common';
import type { Caller } from '@harbour/access';
import { isUuid, NotFoundError } from '@harbour/common';
import type { SocketAck, UserDto } from '@harbour/contracts';
import { ConversationLookup, ConversationRepository, MessagesService } from '@harbour/conversations';
import { userRoom, type HarbourServer } from './rooms';

/** A member's "typing" in one conversation is passed on at most this often. */
const TYPING_EVERY_MS = 2_000;

/**
 * Conversations over sockets. There are no conversation rooms: each event goes to the own room
 * (`user:<id>`) of everyone who sees the conversation at that moment, computed when it is sent, so someone
 * who left, or stopped being a group's staff, hears nothing more at once, on every process.
 */
@Injectable()
export class ConversationLive {
  constructor(
    private readonly lookup: ConversationLookup,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessagesService,
  ) {}

  /** A new or edited message to each participant: collapsed for those who blocked its author (as over HTTP). */
  async pushMessage(
    server: HarbourServer,
    name: 'message:created' | 'message:updated',
    messageId: string,
    audienceIds: string[],
  ): Promise<void> {
    for (const { userIds, message } of await this.messages.viewsFor(messageId, audienceIds)) {
      server.to(userIds.map(userRoom)).emit(name, message);
    }
  }

  /**
   * A participant is typing: the others hear it (a socket not allowed to see the conversation gets the same
   * `not_found` as for a missing one). `lastSent` is the socket's own memory of when it last passed one on.
   */
  async typing(server: HarbourServer, caller: Caller, user: UserDto, body: unknown, lastSent: Map<string, number>): Promise<SocketAck> {
    const conversationId = (body as { conversationId?: unknown } | null)?.conversationId;
    if (typeof conversationId !== 'string' || !isUuid(conversationId)) return { ok: false, error: 'invalid' };
    try {
      await this.lookup.conversation(caller, conversationId);
    } catch (error) {
      if (error instanceof NotFoundError) return { ok: false, error: 'not_found' };
      throw error;
    }
    if ((lastSent.get(conversationId) ?? 0) > Date.now() - TYPING_EVERY_MS) return { ok: true };
    lastSent.set(conversationId, Date.now());
    const others = (await this.conversations.audience(conversationId)).filter((id) => id !== caller.userId);
    if (others.length > 0) server.to(others.map(userRoom)).emit('conversation:typing', { conversationId, user });
    return { ok: true };
  }
}
