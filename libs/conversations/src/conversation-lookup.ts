import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService, type Caller, type ConversationRef } from '@harbour/access';
import { isUuid, NotFoundError } from '@harbour/common';
import { ConversationRepository, type ConversationRow } from './conversation.repository';
import { MessageRepository, type MessageRow } from './message.repository';

/** A conversation the caller sees, with what access judges it by. */
export interface SeenConversation {
  row: ConversationRow;
  ref: ConversationRef;
}

/** What access needs of a conversation row, as the caller stands in it. */
export function conversationRef(row: ConversationRow): ConversationRef {
  return { groupId: row.group_id, caller: row.my_kind, participantCount: row.named_count };
}

/**
 * Finds conversations and messages for a caller: anything they do not see is the same 404 as what does not
 * exist, for staff too (access's `conversation.see`). Every route, socket handler and report goes through here.
 */
@Injectable()
export class ConversationLookup {
  constructor(
    private readonly access: AccessService,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async conversation(caller: Caller, id: string, manager?: EntityManager): Promise<SeenConversation> {
    const row = isUuid(id) ? await this.conversations.find(caller.userId, id, manager) : null;
    if (!row) throw new NotFoundError();
    const ref = conversationRef(row);
    if (!this.access.can(caller, { action: 'conversation.see', conversation: ref })) throw new NotFoundError();
    return { row, ref };
  }

  /** A message of a conversation the caller sees (`conversationId`, when given, must be its own). */
  async message(
    caller: Caller,
    messageId: string,
    options: { conversationId?: string; manager?: EntityManager; lock?: boolean } = {},
  ): Promise<SeenConversation & { message: MessageRow }> {
    const message = isUuid(messageId) ? await this.messages.find(messageId, options.manager, { lock: options.lock }) : null;
    if (!message || (options.conversationId !== undefined && message.conversation_id !== options.conversationId)) throw new NotFoundError();
    return { ...(await this.conversation(caller, message.conversation_id, options.manager)), message };
  }
}
