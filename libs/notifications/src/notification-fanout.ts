import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import { DomainEvents, type DomainEventMap } from '@harbour/common';
import { WatchedWordsService } from '@harbour/settings';
import { NotificationDelivery, type Draft } from './notification-delivery';
import { NotificationSources } from './notification-sources.repository';
import { PostNotifications } from './post-notifications';

/**
 * Turns domain events into stored notifications, after the writing transaction has committed. A member
 * is never told of their own act, of anything in a space they may not see, or of a type they turned off
 * (NotificationDelivery); notifications that pile up are gathered. New posts go through PostNotifications.
 */
@Injectable()
export class NotificationFanout implements OnModuleInit {
  constructor(
    private readonly sources: NotificationSources,
    private readonly delivery: NotificationDelivery,
    private readonly posts: PostNotifications,
    private readonly events: DomainEvents,
    private readonly members: MemberCallers,
    private readonly watchedWords: WatchedWordsService,
  ) {}

  onModuleInit(): void {
    this.events.on('PostCreated', (event) => this.posts.add(event));
    this.events.on('ReactionsChanged', (event) => (event.on ? this.reacted(event) : undefined));
    this.events.on('GroupInvited', (event) =>
      this.delivery.deliver([
        { userId: event.userId, type: 'group_invitation', actorId: event.invitedById, space: null, groupId: event.groupId },
      ]),
    );
    this.events.on('GroupJoinRequested', (event) => this.joinRequested(event));
    // A conversation's messages gather into one unread notification per member (`groupKey`), as a busy topic's do.
    this.events.on('MessageCreated', (event) =>
      this.delivery.deliver(event.audienceIds.map((userId) => this.messageDraft(userId, event.authorId, event.conversationId))),
    );
    this.events.on('ConversationJoined', (event) =>
      this.delivery.deliver([this.messageDraft(event.userId, event.addedById, event.conversationId)]),
    );
    this.events.on('ReportsResolved', (event) => this.reportsResolved(event));
    this.events.on('WatchedWordResponded', (event) => this.responded(event));
    this.events.on('PostUnmasked', (event) => this.unmasked(event));
    this.events.on('SanctionApplied', (event) =>
      this.delivery.deliver([
        {
          userId: event.userId,
          type: 'moderation',
          actorId: event.actorId,
          space: null,
          data: { sanctionId: event.sanctionId },
          mailedElsewhere: true,
        },
      ]),
    );
  }

  private messageDraft(userId: string, actorId: string, conversationId: string): Draft {
    return { userId, type: 'message', actorId, space: null, conversationId, groupKey: `conversation:${conversationId}` };
  }

  /**
   * The reporters hear the outcome, and the author hears that their post was hidden or removed. Nobody is
   * told who reported, and no actor is shown: a decision is the moderators', not one person's.
   */
  private async reportsResolved(event: DomainEventMap['ReportsResolved']): Promise<void> {
    const post = event.postId ? (await this.sources.postContexts([event.postId])).get(event.postId) : undefined;
    const topicId = event.topicId ?? undefined;
    // Only a post still there for them is linked: the reporters' hidden post is not, nor a deleted one.
    const linked = (visible: boolean) => (visible && event.postId ? { postId: event.postId } : {});
    const drafts: Draft[] = event.reporterIds.map((userId) => ({
      userId,
      type: 'moderation',
      actorId: event.actorId,
      space: post ?? null,
      topicId,
      ...linked(event.outcome === 'dismiss'),
      data: { outcome: event.outcome === 'dismiss' ? 'report_dismissed' : 'report_upheld' },
    }));
    if (event.authorId) {
      drafts.push({
        userId: event.authorId,
        type: 'moderation',
        actorId: event.actorId,
        space: post ?? null,
        topicId,
        ...linked(event.outcome !== 'delete' && event.outcome !== 'reject'),
        data: { outcome: `post_${event.outcome}` },
      });
    }
    await this.delivery.deliver(drafts);
  }

  /**
   * A `respond` watched word's notice, to the post's author alone, in their language: in the app only (an
   * email about crisis lines could be read by whoever shares their mailbox), and from nobody (no actor).
   */
  private async responded(event: DomainEventMap['WatchedWordResponded']): Promise<void> {
    const member = (await this.members.load([event.userId])).get(event.userId);
    const response = member ? await this.watchedWords.response(event.wordId, member.locale) : null;
    if (!response) return;
    const post = (await this.sources.postContexts([event.postId])).get(event.postId);
    await this.delivery.deliver([
      {
        userId: event.userId,
        type: 'moderation',
        actorId: null,
        space: post ?? null,
        topicId: event.topicId,
        postId: event.postId,
        data: { outcome: 'watched_word_response', response },
        mailedElsewhere: true,
      },
    ]);
  }

  /**
   * The author of an anonymous post hears that two staff members were shown who wrote it, and why: in the app
   * and by email (as moderation decisions are), from nobody. Nobody else is told anything.
   */
  private async unmasked(event: DomainEventMap['PostUnmasked']): Promise<void> {
    const post = (await this.sources.postContexts([event.postId])).get(event.postId);
    await this.delivery.deliver([
      {
        userId: event.authorId,
        type: 'moderation',
        actorId: null,
        // Told wherever the post is now, even in a space they have since left: it is about them.
        space: null,
        topicId: event.topicId,
        ...(post && !post.gone ? { postId: event.postId } : {}),
        data: { outcome: 'post_unmasked', reason: event.reason },
      },
    ]);
  }

  private async reacted(event: DomainEventMap['ReactionsChanged']): Promise<void> {
    const post = (await this.sources.postContexts([event.postId])).get(event.postId);
    if (!post || post.gone || post.authorId === event.userId) return;
    await this.delivery.deliver([
      {
        userId: post.authorId,
        type: 'reaction',
        actorId: event.userId,
        space: post,
        topicId: post.topicId,
        postId: event.postId,
        emoji: event.emoji,
        groupKey: `reaction:${event.postId}`,
      },
    ]);
  }

  private async joinRequested(event: DomainEventMap['GroupJoinRequested']): Promise<void> {
    const managers = await this.sources.groupManagers(event.groupId);
    await this.delivery.deliver(
      managers.map((userId) => ({
        userId,
        type: 'group_join_request',
        actorId: event.userId,
        space: null,
        groupId: event.groupId,
        groupKey: `join:${event.groupId}`,
      })),
    );
  }
}
