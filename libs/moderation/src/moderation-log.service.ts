import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, isStaff, type Caller } from '@harbour/access';
import { toUserDto, User } from '@harbour/accounts';
import { paginateNewestFirst } from '@harbour/common';
import type { ModerationLogEntryDto, PageDto } from '@harbour/contracts';
import { ModerationLogEntry } from './moderation-log-entry.entity';

export interface LogInput {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  reason?: string | null;
}

/** The audit log: written inside the transaction of the action it records, read by staff. */
@Injectable()
export class ModerationLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async record(manager: EntityManager, entry: LogInput): Promise<void> {
    await manager.insert(ModerationLogEntry, { ...entry, reason: entry.reason ?? null });
  }

  /**
   * Entries newest first, only about what the caller moderates (as the review queue): a post or topic in
   * a group's space is its group's business, and a site moderator reads nothing of it, not even the note
   * its owner wrote. Admins read everything; an entry whose post or topic is gone is theirs alone.
   */
  async page(
    caller: Caller,
    query: { cursor?: string; limit?: number; action?: string; actorId?: string; targetId?: string },
  ): Promise<PageDto<ModerationLogEntryDto>> {
    const builder = this.dataSource.getRepository(ModerationLogEntry).createQueryBuilder('entry');
    if (caller.role !== 'admin') {
      // A condition, not joins: paging with take() over joins costs a second, DISTINCT query.
      const scope = this.access.moderatedCategories(caller, 'c');
      builder.where(
        `((entry.target_type NOT IN ('post', 'topic') AND :siteStaff) OR EXISTS (
            SELECT 1 FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = CASE WHEN entry.target_type = 'topic' THEN entry.target_id
                               WHEN entry.target_type = 'post' THEN (SELECT p.topic_id FROM posts p WHERE p.id = entry.target_id) END
               AND ${scope.where}))`,
        { ...scope.params, siteStaff: isStaff(caller) },
      );
    }
    if (query.action) builder.andWhere('entry.action LIKE :action', { action: `${query.action.replace(/[\\%_]/g, '\\$&')}%` });
    if (query.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetId) builder.andWhere('entry.target_id = :targetId', { targetId: query.targetId });
    const page = await paginateNewestFirst(builder, query, 'createdAt', (entry) => entry);
    const actorIds = [...new Set(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
    const actors = new Map(
      (actorIds.length ? await this.dataSource.getRepository(User).findBy(actorIds.map((id) => ({ id }))) : []).map((user) => [
        user.id,
        user,
      ]),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((entry) => {
        const actor = entry.actorId ? actors.get(entry.actorId) : undefined;
        return {
          id: entry.id,
          actor: actor ? toUserDto(actor) : null,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          reason: entry.reason,
          createdAt: entry.createdAt.toISOString(),
        };
      }),
    };
  }
}
