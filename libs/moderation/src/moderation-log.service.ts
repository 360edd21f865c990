import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { ModerationLogRepository, type LogFilter, type LogScope } from '@harbour/audit';
import type { ModerationLogEntryDto, PageDto } from '@harbour/contracts';
import { forumTargetInCategory } from '@harbour/forum';

/** Reading the audit log (libs/audit), for staff and the moderators of spaces. */
@Injectable()
export class ModerationLog {
  constructor(
    private readonly access: AccessService,
    private readonly entries: ModerationLogRepository,
    private readonly users: UserRepository,
  ) {}

  /**
   * Entries newest first, only about what the caller moderates (as the review queue): a post or topic in
   * a group's space is its group's business, and a site moderator reads nothing of it, not even the note
   * its owner wrote. Admins read everything; an entry whose post or topic is gone is theirs alone.
   */
  async page(caller: Caller, query: LogFilter): Promise<PageDto<ModerationLogEntryDto>> {
    const page = await this.entries.page(query, this.access.can(caller, { action: 'moderation.logAll' }) ? null : this.scope(caller));
    const actors = new Map(
      (await this.users.findByIds(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))).map((user) => [user.id, user]),
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

  /** Site staff read the entries about members, settings and the like; a post's or topic's, its space's moderators. */
  private scope(caller: Caller): LogScope {
    const moderated = this.access.moderatedCategories(caller, 'c');
    return {
      otherEntries: this.access.can(caller, { action: 'moderation.act', category: null }),
      contentEntries: (target) => ({ where: forumTargetInCategory(target, 'c', moderated.where), params: moderated.params }),
    };
  }
}
