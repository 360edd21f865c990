import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: LogInput): Promise<void> {
    await manager.insert(ModerationLogEntry, { ...entry, reason: entry.reason ?? null });
  }

  async page(query: {
    cursor?: string;
    limit?: number;
    action?: string;
    actorId?: string;
    targetId?: string;
  }): Promise<PageDto<ModerationLogEntryDto>> {
    const builder = this.dataSource.getRepository(ModerationLogEntry).createQueryBuilder('entry');
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
