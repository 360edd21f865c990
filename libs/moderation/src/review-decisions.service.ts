import { ConversationRepository, MessageRepository, MessageUploads } from '@harbour/conversations';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, type DomainEventMap, InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import type { Resolution } from '@harbour/contracts';
import { ForumLookup, ForumModeration } from '@harbour/forum';
import { FlagRepository } from './flag.repository';
import type { ResolveDto } from './moderation.dtos';
import { ReviewItemRepository, type ItemRow } from './review-item.repository';

/**
 * Moderators' decisions on queue items: claiming one, and dismissing, hiding, deleting, approving or
 * rejecting. An item the caller does not moderate is a 404, as if it did not exist.
 */
@Injectable()
export class ReviewDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reviewItems: ReviewItemRepository,
    private readonly flags: FlagRepository,
    private readonly forum: ForumModeration,
    private readonly lookup: ForumLookup,
    private readonly events: DomainEvents,
    private readonly messages: MessageRepository,
    private readonly messageUploads: MessageUploads,
    private readonly conversations: ConversationRepository,
  ) {}

  /**
   * Decides an item: dismiss, or hide or delete the post (a topic's first post). All its reports close
   * together, in one transaction with the change and its log entry; then reporters and author are told.
   * `id` is the queue item's, or any of its reports' (the id `POST /api/flags` answered).
   */
  async resolve(caller: Caller, id: string, dto: ResolveDto): Promise<void> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    assertBody(dto);
    // Judged before the transaction, as any edit: a blocked word is a 422 and nothing closes.
    const prepared = dto.action === 'edit' && dto.body !== undefined ? await this.forum.prepareEdit(dto.body) : null;
    const moveTo = dto.action === 'move' && dto.categoryId ? await this.moveTarget(caller, dto.categoryId) : null;
    const { row, approved, reporterIds, lockedIn, movedFrom } = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOpen(caller, manager, id);
      assertFits(row, dto.action);
      if (row.claimed_by_id && row.claimed_by_id !== caller.userId) throw new ConflictError('Another moderator is working on this item');
      await this.reviewItems.resolve(manager, row.id, dto.action, caller.userId);
      if (prepared && row.post_id && !(await this.forum.editPost(manager, row.post_id, caller.userId, prepared))) {
        throw new ConflictError('This post was deleted meanwhile: dismiss the reports instead');
      }
      const lockedIn = dto.action === 'lock' && row.topic_id ? await this.forum.lockTopic(manager, row.topic_id) : null;
      const movedFrom = moveTo && row.topic_id ? await this.forum.moveTopic(manager, row.topic_id, moveTo) : null;
      const approved = dto.action === 'approve' && row.post_id ? await this.forum.approveHeld(manager, row.post_id) : null;
      if (dto.action === 'hide' && row.post_id) await this.forum.hidePost(manager, row.post_id);
      if ((dto.action === 'delete' || dto.action === 'reject') && row.post_id) await this.forum.deletePost(manager, row.post_id);
      if (dto.action === 'delete' && row.target_type === 'message') {
        // Its files first: the revisions remove() deletes name those an edit took out of view.
        await this.messageUploads.release(manager, row.target_id);
        await this.messages.remove(manager, row.target_id);
      }
      const action = row.kind === 'appeal' ? 'appeal.dismiss' : row.kind === 'held' ? `post.${dto.action}` : `flag.${dto.action}`;
      await audit(manager, { actorId: caller.userId, action, targetType: row.target_type, targetId: row.target_id, reason: dto.note });
      // What was done to the topic has its own entry, as when done from the topic (the queue's entry says why).
      if ((dto.action === 'lock' || dto.action === 'move') && row.topic_id) {
        await audit(manager, { actorId: caller.userId, action: `topic.${dto.action}`, targetType: 'topic', targetId: row.topic_id });
      }
      return { row, approved, reporterIds: await this.flags.reporterIds(row.id, manager), lockedIn, movedFrom };
    });
    this.tell(caller, row, dto.action, approved, reporterIds);
    if (row.topic_id && lockedIn)
      this.events.publish('TopicUpdated', { topicId: row.topic_id, categoryId: lockedIn, previousCategoryId: lockedIn });
    if (row.topic_id && moveTo && movedFrom) {
      this.events.publish('TopicUpdated', { topicId: row.topic_id, categoryId: moveTo, previousCategoryId: movedFrom });
    }
  }

  /** A move's destination must be a category the caller moderates too: nobody carries a topic where they do not moderate. */
  private async moveTarget(caller: Caller, categoryId: string): Promise<string> {
    const { category, site } = await this.lookup.categoryNamedInBody(caller, categoryId);
    if (!this.access.can(caller, { action: 'topic.moderate', category, site })) {
      throw new InvalidInputError('categoryId must be a category you moderate');
    }
    return category.id;
  }

  /** Claims an item for a while, so that two moderators do not act on it at once. */
  async claim(caller: Caller, id: string): Promise<void> {
    this.access.assertCan(caller, { action: 'moderation.queue' });
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockOpen(caller, manager, id);
      if (row.claimed_by_id && row.claimed_by_id !== caller.userId) throw new ConflictError('Another moderator is working on this item');
      await this.reviewItems.claim(manager, row.id, caller.userId);
    });
  }

  private async lockOpen(caller: Caller, manager: EntityManager, id: string): Promise<ItemRow> {
    const row = isUuid(id) ? await this.reviewItems.lockOpen(manager, this.access.moderatedCategories(caller, 'c'), id) : null;
    if (!row) throw new NotFoundError();
    return row;
  }

  /** After the commit: readers see the change, and reporters and the author hear of the decision. */
  private tell(
    caller: Caller,
    row: ItemRow,
    action: Resolution,
    approved: DomainEventMap['PostCreated'] | null,
    reporterIds: string[],
  ): void {
    if (row.post_id && row.topic_id && (action === 'hide' || action === 'edit')) {
      this.events.publish('PostUpdated', { postId: row.post_id, topicId: row.topic_id, editorId: caller.userId });
    }
    if (row.post_id && row.topic_id && action === 'delete')
      this.events.publish('PostDeleted', { postId: row.post_id, topicId: row.topic_id });
    if (row.target_type === 'message' && row.message_conversation_id && action === 'delete') {
      const conversationId = row.message_conversation_id;
      void this.conversations
        .audience(conversationId)
        .then((audienceIds) => this.events.publish('MessageUpdated', { messageId: row.target_id, conversationId, audienceIds }));
    }
    // An approved post is new to everyone else: readers, watchers and the mentioned hear of it only now.
    if (approved) this.events.publish('PostCreated', approved);
    if (row.kind === 'appeal') return;
    this.events.publish('ReportsResolved', {
      itemId: row.id,
      actorId: caller.userId,
      reporterIds,
      outcome: action,
      authorId: action === 'dismiss' ? null : row.member_id,
      topicId: row.topic_id,
      postId: row.post_id,
    });
  }
}

/** `edit` needs the new body and `move` the category; neither field goes with any other action. */
function assertBody(dto: ResolveDto): void {
  if (dto.action === 'edit' && dto.body === undefined) throw new InvalidInputError('body is required to edit');
  if (dto.action !== 'edit' && dto.body !== undefined) throw new InvalidInputError('body goes only with action edit');
  if (dto.action === 'move' && dto.categoryId === undefined) throw new InvalidInputError('categoryId is required to move');
  if (dto.action !== 'move' && dto.categoryId !== undefined) throw new InvalidInputError('categoryId goes only with action move');
}

const ON_CONTENT: readonly Resolution[] = ['hide', 'delete', 'edit', 'lock', 'move'];

/** Which decisions fit which item: reports are dismissed or acted on; held posts approved or rejected. */
function assertFits(row: ItemRow, action: Resolution): void {
  if (row.kind === 'held' && action !== 'approve' && action !== 'reject') {
    throw new InvalidInputError('action must be approve or reject for a post held for review');
  }
  if (row.kind === 'appeal' && action !== 'dismiss') {
    throw new InvalidInputError('action must be dismiss for an appeal (lift the sanction to accept it)');
  }
  if (row.kind === 'flags' && action !== 'dismiss' && !ON_CONTENT.includes(action)) {
    throw new InvalidInputError('action must be dismiss, hide, delete, edit, lock or move for reports');
  }
  if (row.kind === 'flags' && row.target_type === 'message' && action !== 'dismiss' && action !== 'delete') {
    throw new InvalidInputError('action must be dismiss or delete for a private message');
  }
  if (row.kind === 'flags' && row.target_type === 'user' && action !== 'dismiss') {
    throw new InvalidInputError('action must be dismiss for a report about a member (sanction them from their page)');
  }
}
