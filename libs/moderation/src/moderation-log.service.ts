import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, isStaff, type Caller } from '@harbour/access';
import { toUserDto, User } from '@harbour/accounts';
import { ModerationLogRepository, type LogFilter, type LogScope } from '@harbour/audit';
import type { ModerationLogEntryDto, PageDto } from '@harbour/contracts';

/** Reading the audit log (libs/audit), for staff and the moderators of spaces. */
@Injectable()
export class ModerationLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly entries: ModerationLogRepository,
  ) {}

  /**
   * Entries newest first, only about what the caller moderates (as the review queue): a post or topic in
   * a group's space is its group's business, and a site moderator reads nothing of it, not even the note
   * its owner wrote. Admins read everything; an entry whose post or topic is gone is theirs alone.
   */
  async page(caller: Caller, query: LogFilter): Promise<PageDto<ModerationLogEntryDto>> {
    const page = await this.entries.page(query, caller.role === 'admin' ? null : this.scope(caller));
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

  private scope(caller: Caller): LogScope {
    const scope = this.access.moderatedCategories(caller, 'c');
    return {
      where: `(entry.target_type NOT IN ('post', 'topic') AND :siteStaff) OR EXISTS (
            SELECT 1 FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = CASE WHEN entry.target_type = 'topic' THEN entry.target_id
                               WHEN entry.target_type = 'post' THEN (SELECT p.topic_id FROM posts p WHERE p.id = entry.target_id) END
               AND ${scope.where})`,
      params: { ...scope.params, siteStaff: isStaff(caller) },
    };
  }
}
