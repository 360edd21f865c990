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
  /** Entries about a member: themself, or what they wrote (see `page`'s `authorSql`). */
  memberId?: string;
}

/**
 * Which entries a reader may see, from two answers the caller's lib gives: whether they read the entries
 * about anything but posts and topics (members, settings, words…), and a condition (SQL over the entry's
 * target, named by the SQL of its type and id) that holds for the posts and topics they may read about.
 */
export interface LogScope {
  otherEntries: boolean;
  contentEntries: (target: { typeSql: string; idSql: string }) => { where: string; params: Record<string, unknown> };
}

/** Moderation log: all SQL on `moderation_log` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class ModerationLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Entries newest first, keyset-paged, within the scope (null: all of them). `authorSql` names, for the
   * member filter, the author of an entry's target (SQL over its type and id; the owning lib writes it).
   */
  page(
    filter: LogFilter,
    scope: LogScope | null,
    authorSql: (target: { typeSql: string; idSql: string }) => string,
  ): Promise<{ items: ModerationLogEntry[]; nextCursor: string | null }> {
    const builder = this.dataSource.getRepository(ModerationLogEntry).createQueryBuilder('entry');
    if (scope) {
      // A condition, not joins: paging with take() over joins costs a second, DISTINCT query.
      const content = scope.contentEntries({ typeSql: 'entry.target_type', idSql: 'entry.target_id' });
      builder.where(`((entry.target_type NOT IN ('post', 'topic') AND :otherEntries) OR ${content.where})`, {
        ...content.params,
        otherEntries: scope.otherEntries,
      });
    }
    if (filter.action) builder.andWhere('entry.action LIKE :action', { action: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` });
    if (filter.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetId) builder.andWhere('entry.target_id = :targetId', { targetId: filter.targetId });
    if (filter.memberId) {
      const author = authorSql({ typeSql: 'entry.target_type', idSql: 'entry.target_id' });
      builder.andWhere(`((entry.target_type = 'user' AND entry.target_id = :memberId) OR ${author} = :memberId)`, {
        memberId: filter.memberId,
      });
    }
    return paginateNewestFirst(builder, filter, 'createdAt', (entry) => entry);
  }
}
