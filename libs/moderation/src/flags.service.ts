import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type AccessQuestion, type Caller } from '@harbour/access';
import { UserRepository } from '@harbour/accounts';
import { DomainEvents, NotFoundError } from '@harbour/common';
import { ConversationLookup } from '@harbour/conversations';
import { ForumLookup } from '@harbour/forum';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { FlagRepository } from './flag.repository';
import type { CreateFlagDto } from './moderation.dtos';
import { ReviewItemRepository } from './review-item.repository';

/** Members report posts, topics and members; reports about one target gather into one queue item. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: ForumLookup,
    private readonly users: UserRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly flags: FlagRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly conversations: ConversationLookup,
    private readonly events: DomainEvents,
  ) {}

  /**
   * What the caller may not see is a 404, as for what does not exist. A second report of the same target
   * by the same member replaces their first (one voice per member per item).
   */
  async report(caller: Caller, dto: CreateFlagDto): Promise<{ id: string }> {
    this.access.assertCan(caller, await this.question(caller, dto));
    if (!this.access.can(caller, { action: 'rateLimits.exempt' })) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('flag', caller.userId, rateLimits.flagsPerDay, 86_400);
    }
    const { id, itemId } = await this.dataSource.transaction(async (manager) => {
      // The reporter's row held first: a report racing their deletion writes no note behind the erasure (401).
      await this.users.holdWriter(caller.userId, manager);
      const itemId = await this.reviewItems.openForReports(manager, dto.targetType, dto.targetId);
      const id = await this.flags.upsert(manager, { itemId, reporterId: caller.userId, reason: dto.reason, note: dto.note ?? null });
      return { id, itemId };
    });
    this.events.publish('ReportMade', { itemId, reporterId: caller.userId, targetType: dto.targetType, targetId: dto.targetId });
    return { id };
  }

  /** What access is asked about the target: whatever the caller may not see is a 404 before that. */
  private async question(caller: Caller, dto: CreateFlagDto): Promise<AccessQuestion> {
    const site = await this.settings.accessRules();
    switch (dto.targetType) {
      case 'post': {
        const { post, category } = await this.lookup.post(caller, dto.targetId);
        if (post.deletedAt) throw new NotFoundError();
        return { action: 'flag.create', category, site, targetAuthorId: post.authorId };
      }
      case 'topic': {
        const { topic, category } = await this.lookup.topic(caller, dto.targetId);
        return { action: 'flag.create', category, site, targetAuthorId: topic.authorId };
      }
      case 'user': {
        const user = await this.users.findActiveById(dto.targetId);
        if (!user) throw new NotFoundError();
        return { action: 'flag.create', category: null, site, targetAuthorId: user.id };
      }
      case 'message': {
        // A participant reports someone else's message: only then do site moderators see it, and the five before it.
        const { ref, message } = await this.conversations.message(caller, dto.targetId);
        return { action: 'message.flag', conversation: ref, message: { authorId: message.deleted_at ? null : message.author_id } };
      }
    }
  }
}
