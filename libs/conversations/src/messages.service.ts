import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller, type ConversationRef } from '@harbour/access';
import { blockedAmong, blockedPairs } from '@harbour/accounts';
import { DomainEvents, ForbiddenError, InvalidInputError, isUuid } from '@harbour/common';
import type { MessageDto, PageDto } from '@harbour/contracts';
import { ConversationLookup } from './conversation-lookup';
import { ConversationRepository } from './conversation.repository';
import { toMessageDto } from './conversation.mappers';
import type { EditMessageDto, MessagesQueryDto, SendMessageDto } from './conversations.dtos';
import { MessageRepository, type MessageRow } from './message.repository';
import { MessageWriter } from './message-writer';

/** Reading and writing a conversation's messages; every call starts from the caller's access to the conversation. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ConversationLookup,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly writer: MessageWriter,
    private readonly events: DomainEvents,
  ) {}

  /** Oldest first; `after` (or the page's cursor, a message id) starts after that message of this conversation. */
  async page(caller: Caller, conversationId: string, query: MessagesQueryDto): Promise<PageDto<MessageDto>> {
    const { row } = await this.lookup.conversation(caller, conversationId);
    const limit = query.limit ?? 50;
    const from = query.after ?? query.cursor;
    let afterNumber = 0;
    if (from !== undefined) {
      const start = isUuid(from) ? await this.messages.find(from) : null;
      if (!start || start.conversation_id !== row.id)
        throw new InvalidInputError(`${query.after ? 'after' : 'cursor'} must be a message of this conversation`);
      afterNumber = start.number;
    }
    const rows = await this.messages.page(row.id, afterNumber, limit + 1);
    const more = rows.length > limit;
    const items = await this.dtos(caller.userId, more ? rows.slice(0, limit) : rows);
    return { items, nextCursor: more ? items[items.length - 1]!.id : null };
  }

  async send(caller: Caller, conversationId: string, dto: SendMessageDto): Promise<MessageDto> {
    const { ref } = await this.lookup.conversation(caller, conversationId);
    this.access.assertCan(caller, { action: 'conversation.reply', conversation: ref });
    const prepared = await this.writer.prepare(dto.body);
    await this.writer.spend(caller, { newConversation: false });
    const messageId = await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      // Asked again inside: the caller may have left, or stopped being the group's staff, meanwhile.
      const { row } = await this.lookup.conversation(caller, conversationId, manager);
      const kind = row.my_kind === 'participant' ? 'participant' : 'staff';
      return (await this.writer.append(manager, { conversationId, authorId: caller.userId, authorKind: kind, prepared })).id;
    });
    const message = await this.messages.find(messageId);
    this.events.publish('MessageCreated', {
      messageId,
      conversationId,
      authorId: caller.userId,
      audienceIds: await this.conversations.audience(conversationId),
    });
    return toMessageDto(message!, false);
  }

  /** The author edits their message; the body it had is kept as a revision. */
  async edit(caller: Caller, conversationId: string, messageId: string, dto: EditMessageDto): Promise<MessageDto> {
    const seen = await this.lookup.message(caller, messageId, { conversationId });
    this.assertMayEdit(caller, seen);
    const prepared = await this.writer.prepare(dto.body);
    await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      const locked = await this.lookup.message(caller, messageId, { conversationId, manager, lock: true });
      this.assertMayEdit(caller, locked);
      await this.writer.rewrite(manager, locked.message, prepared);
    });
    const message = await this.messages.find(messageId);
    this.events.publish('MessageUpdated', { messageId, conversationId, audienceIds: await this.conversations.audience(conversationId) });
    return toMessageDto(message!, false);
  }

  /** Messages as each member of an audience sees them (a live event): collapsed for those who blocked the author. */
  async viewsFor(messageId: string, audienceIds: string[]): Promise<{ userIds: string[]; message: MessageDto }[]> {
    const row = await this.messages.find(messageId);
    if (!row) return [];
    const blocked = await blockedPairs(
      this.dataSource.manager,
      audienceIds.map((recipientId) => ({ recipientId, actorId: row.author_id })),
    );
    const blocking = audienceIds.filter((id) => blocked.has(`${id}:${row.author_id}`));
    const others = audienceIds.filter((id) => !blocked.has(`${id}:${row.author_id}`));
    return [
      { userIds: others, message: toMessageDto(row, false) },
      { userIds: blocking, message: toMessageDto(row, true) },
    ].filter((group) => group.userIds.length > 0);
  }

  private assertMayEdit(caller: Caller, seen: { ref: ConversationRef; message: MessageRow }): void {
    const allowed = this.access.can(caller, {
      action: 'message.edit',
      conversation: seen.ref,
      message: { authorId: seen.message.author_id },
    });
    if (!allowed || seen.message.deleted_at !== null) throw new ForbiddenError('Only its author may edit a message');
  }

  private async dtos(viewerId: string, rows: MessageRow[]): Promise<MessageDto[]> {
    const blocked = await blockedAmong(
      this.dataSource.manager,
      viewerId,
      rows.map((row) => row.author_id),
    );
    return rows.map((row) => toMessageDto(row, blocked.has(row.author_id)));
  }
}
