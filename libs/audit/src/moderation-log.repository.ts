import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { paginateNewestFirst } from '@harbour/common';
import { ModerationLogEntry } from './moderation-log-entry.entity';

/** The filters of `GET /api/moderation/log`. */
export interface LogFilter {
  cursor?: string;
  limit?: number;
  /** A prefix of the action: `sanction` finds `sanction.ban` and `sanction.lift`. */
  action?: string;
  actorId?: string;
  targetId?: string;
}

/**
 * Which entries the reader may see: a SQL condition over the entry, aliased `entry` (its `target_type`,
 * `target_id`), built by the caller from the owners' fragments; null reads everything.
 */
export interface LogScope {
  where: string;
  params: Record<string, unknown>;
}

/** Moderation log: all SQL on `moderation_log` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class ModerationLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Entries newest first, keyset-paged, within the scope. */
  page(filter: LogFilter, scope: LogScope | null): Promise<{ items: ModerationLogEntry[]; nextCursor: string | null }> {
    const builder = this.dataSource.getRepository(ModerationLogEntry).createQueryBuilder('entry');
    // A condition, not joins: paging with take() over joins costs a second, DISTINCT query.
    if (scope) builder.where(`(${scope.where})`, scope.params);
    if (filter.action) builder.andWhere('entry.action LIKE :action', { action: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` });
    if (filter.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetId) builder.andWhere('entry.target_id = :targetId', { targetId: filter.targetId });
    return paginateNewestFirst(builder, filter, 'createdAt', (entry) => entry);
  }
}
