import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, isStaff, type Caller, type CategoryRef } from '@harbour/access';
import { User } from '@harbour/accounts';
import { NotFoundError } from '@harbour/common';
import { ForumLookup } from '@harbour/forum';
import { RateLimiter, SettingsService } from '@harbour/settings';
import type { CreateFlagDto } from './moderation.dtos';

/** Members report posts, topics and members; reports about one target gather into one queue item. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * What the caller may not see is a 404, as for what does not exist. A second report of the same target
   * by the same member replaces their first (one voice per member per item).
   */
  async report(caller: Caller, dto: CreateFlagDto): Promise<{ id: string }> {
    const { category, authorId } = await this.target(caller, dto);
    this.access.assertCan(caller, { action: 'flag.create', category, site: await this.settings.accessRules(), targetAuthorId: authorId });
    if (!isStaff(caller)) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('flag', caller.userId, rateLimits.flagsPerDay, 86_400);
    }
    return this.dataSource.transaction(async (manager) => {
      const [item]: { id: string }[] = await manager.query(
        `INSERT INTO review_items (kind, target_type, target_id) VALUES ('flags', $1, $2)
         ON CONFLICT (kind, target_type, target_id) WHERE status = 'open' DO UPDATE SET kind = EXCLUDED.kind
         RETURNING id`,
        [dto.targetType, dto.targetId],
      );
      const [flag]: { id: string }[] = await manager.query(
        `INSERT INTO flags (item_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT (item_id, reporter_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note
         RETURNING id`,
        [item!.id, caller.userId, dto.reason, dto.note ?? null],
      );
      return { id: flag!.id };
    });
  }

  private async target(caller: Caller, dto: CreateFlagDto): Promise<{ category: CategoryRef | null; authorId: string }> {
    switch (dto.targetType) {
      case 'post': {
        const { post, category } = await this.lookup.post(caller, dto.targetId);
        if (post.deletedAt) throw new NotFoundError();
        return { category, authorId: post.authorId };
      }
      case 'topic': {
        const { topic, category } = await this.lookup.topic(caller, dto.targetId);
        return { category, authorId: topic.authorId };
      }
      case 'user': {
        const user = await this.dataSource.getRepository(User).findOneBy({ id: dto.targetId, status: 'active' });
        if (!user) throw new NotFoundError();
        return { category: null, authorId: user.id };
      }
    }
  }
}
