import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { messageRecipients, type Recipient } from '@harbour/accounts';
import {
  decodeCursor,
  DomainEvents,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  NotFoundError,
  RuleRefusedError,
  toPage,
} from '@harbour/common';
import { MAX_PARTICIPANTS, type ConversationDto, type GroupDto, type PageDto } from '@harbour/contracts';
import { GroupsService, sharesGroup } from '@harbour/groups';
import { SettingsService } from '@harbour/settings';
import { ConversationLookup, conversationRef } from './conversation-lookup';
import { toConversationDto } from './conversation.mappers';
import { ConversationRepository, type ConversationRow } from './conversation.repository';
import { namedConversationIds } from './conversation-sql';
import type { AddParticipantDto, ConversationsQueryDto, CreateConversationDto } from './conversations.dtos';
import { MessageRepository } from './message.repository';
import { MessageWriter } from './message-writer';

/**
 * Private conversations: starting one (with members, or with a group's staff), the inbox, joining and leaving.
 * Who may read one is access's `conversation.see`; who may be written to is `member.message`, refused with
 * one answer whatever the reason (their choice or their block), so the writer cannot tell which.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ConversationLookup,
    private readonly conversations: ConversationRepository,
    private readonly writer: MessageWriter,
    private readonly messages: MessageRepository,
    private readonly groups: GroupsService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
  ) {}

  async create(caller: Caller, dto: CreateConversationDto): Promise<ConversationDto> {
    const to = Array.isArray(dto.to) ? await this.recipients(caller, dto.to) : null;
    const group = Array.isArray(dto.to) ? null : await this.groups.find(caller, dto.to.group);
    if (group && !this.access.can(caller, { action: 'group.message', group, site: await this.settings.accessRules() })) {
      throw new ForbiddenError(`You are on the staff of ${group.name}: their inbox is yours`);
    }
    const prepared = await this.writer.prepare(dto.body, dto.subject);
    await this.writer.spend(caller, { newConversation: true });
    const { conversationId, messageId } = await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      const conversationId = await this.conversations.insert(manager, {
        subject: dto.subject,
        groupId: group?.id ?? null,
        createdById: caller.userId,
      });
      await this.conversations.name(manager, conversationId, [caller.userId, ...(to ?? []).map((recipient) => recipient.user.id)]);
      const message = await this.writer.append(manager, { conversationId, authorId: caller.userId, authorKind: 'participant', prepared });
      return { conversationId, messageId: message.id };
    });
    const [shown] = await this.dtos(caller, [await this.row(caller, conversationId)]);
    const audienceIds = await this.conversations.audience(conversationId);
    this.events.publish('MessageCreated', { messageId, conversationId, authorId: caller.userId, audienceIds });
    return shown!;
  }

  async list(caller: Caller, query: ConversationsQueryDto): Promise<PageDto<ConversationDto>> {
    const limit = query.limit ?? 20;
    const rows = await this.conversations.list(caller.userId, this.scope(caller), {
      after: decodeCursor(query.cursor),
      limit: limit + 1,
      unread: query.unread,
      words: query.q,
    });
    const page = toPage(
      rows,
      limit,
      (row) => ({ at: row.last_message_at.toISOString(), id: row.id }),
      (row) => row,
    );
    return { nextCursor: page.nextCursor, items: await this.dtos(caller, page.items) };
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.conversations.countUnread(caller.userId, this.scope(caller)) };
  }

  async get(caller: Caller, id: string): Promise<ConversationDto> {
    const { row } = await this.lookup.conversation(caller, id);
    const [shown] = await this.dtos(caller, [row]);
    return shown!;
  }

  /** A participant names someone else in it, who then sees all of it; at most MAX_PARTICIPANTS named. */
  async add(caller: Caller, id: string, dto: AddParticipantDto): Promise<void> {
    const [recipient] = await this.recipients(caller, [dto.username]);
    const added = await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      await this.conversations.lock(manager, id);
      const { ref } = await this.lookup.conversation(caller, id, manager);
      if (!this.access.can(caller, { action: 'conversation.invite', conversation: ref, max: MAX_PARTICIPANTS })) {
        throw new RuleRefusedError(`A conversation has at most ${MAX_PARTICIPANTS} participants`);
      }
      return this.conversations.name(manager, id, [recipient!.user.id]);
    });
    if (added.length > 0)
      this.events.publish('ConversationJoined', { conversationId: id, userId: recipient!.user.id, addedById: caller.userId });
  }

  /** The caller stops seeing it (a group's staff member too); the others keep it. */
  async leave(caller: Caller, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      await this.lookup.conversation(caller, id, manager);
      await this.conversations.leave(manager, id, caller.userId);
    });
  }

  /** Moves the caller's read position to a message of the conversation (never back). */
  async read(caller: Caller, id: string, messageId: string): Promise<void> {
    const { row } = await this.lookup.conversation(caller, id);
    const message = isUuid(messageId) ? await this.messages.find(messageId) : null;
    if (!message || message.conversation_id !== row.id) throw new InvalidInputError('messageId must be a message of this conversation');
    const kind = row.my_kind === 'participant' ? 'participant' : 'staff';
    await this.conversations.markRead(undefined, row.id, caller.userId, message.number, kind);
    if (message.number >= row.message_count) this.events.publish('ConversationRead', { userId: caller.userId, conversationId: row.id });
  }

  private async row(caller: Caller, id: string): Promise<ConversationRow> {
    return (await this.lookup.conversation(caller, id)).row;
  }

  private scope(caller: Caller) {
    return this.access.visibleConversations(caller, 'c', 'me', namedConversationIds(':callerId'));
  }

  /**
   * The members a caller names, each of whom must accept messages from them: an unknown name is a 404, a
   * refusal one 403 whatever its reason. Oneself is not a recipient. (How many: CreateConversationDto's `to`.)
   */
  private async recipients(caller: Caller, usernames: string[]): Promise<Recipient[]> {
    const keys = [...new Set(usernames.map((name) => name.toLowerCase()))];
    if (keys.includes(caller.username.toLowerCase())) throw new InvalidInputError('to must name other members than yourself');
    const found = await messageRecipients(this.dataSource.manager, caller.userId, { usernameKeys: keys }, sharesGroup);
    for (const key of keys) {
      const recipient = found.find((candidate) => candidate.user.username.toLowerCase() === key);
      if (!recipient) throw new NotFoundError();
      if (!this.access.can(caller, { action: 'member.message', target: { id: recipient.user.id, ...recipient } })) {
        throw new ForbiddenError(`cannot message ${recipient.user.username}`);
      }
    }
    return found;
  }

  /**
   * Conversations as the caller sees them: participants and groups in two queries for a whole page. A group
   * inbox's staff are listed only to whom may see that group's members (its members, its staff): writing to a
   * private group's staff does not tell the writer who belongs to it. Staff who answer show as the authors
   * of their messages, and the inbox reads "the staff of <group>".
   */
  private async dtos(caller: Caller, rows: ConversationRow[]): Promise<ConversationDto[]> {
    const participants = await this.conversations.participants(rows.map((row) => row.id));
    const groupIds = [...new Set(rows.map((row) => row.group_id).filter((id): id is string => id !== null))];
    const groups = new Map<string, GroupDto>((await this.groups.asSeenByIds(caller, groupIds)).map((group) => [group.id, group]));
    const site = await this.settings.accessRules();
    const seesStaff = (groupId: string | null) => {
      const group = groupId ? groups.get(groupId) : undefined;
      return group !== undefined && this.access.can(caller, { action: 'group.seeMembers', group, site });
    };
    return rows.map((row) =>
      toConversationDto(row, {
        participants: (participants.get(row.id) ?? [])
          .filter((participant) => !participant.viaGroup || seesStaff(row.group_id))
          .map((participant) => participant.user),
        group: row.group_id ? (groups.get(row.group_id) ?? null) : null,
        can: this.access.conversationCan(caller, conversationRef(row), MAX_PARTICIPANTS),
      }),
    );
  }
}
