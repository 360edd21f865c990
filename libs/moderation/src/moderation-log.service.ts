import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller, type CategoryRef, type SiteRules } from '@harbour/access';
import { toUserDto, UserRepository } from '@harbour/accounts';
import { ModerationLogRepository, type LogFilter, type LogScope } from '@harbour/audit';
import type { ModerationLogEntryDto, PageDto } from '@harbour/contracts';
import { forumTargetAuthorSql, forumTargetInCategory, forumTargetTitles } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';

/** Reading the audit log (libs/audit), for staff and the moderators of spaces. */
@Injectable()
export class ModerationLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly entries: ModerationLogRepository,
    private readonly users: UserRepository,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Entries newest first, only about what the caller moderates (as the review queue): a post or topic in
   * a group's space is its group's business, and a site moderator reads nothing of it, not even the note
   * its owner wrote. Admins read everything; an entry whose post or topic is gone is theirs alone.
   */
  async page(caller: Caller, query: LogFilter): Promise<PageDto<ModerationLogEntryDto>> {
    const scope = this.access.can(caller, { action: 'moderation.logAll' }) ? null : this.scope(caller);
    const page = await this.entries.page(query, scope, ({ typeSql, idSql }) => forumTargetAuthorSql(typeSql, idSql));
    const memberIds = page.items.flatMap((entry) => [
      ...(entry.actorId ? [entry.actorId] : []),
      ...(entry.targetType === 'user' && entry.targetId ? [entry.targetId] : []),
    ]);
    const members = new Map((await this.users.findByIds(memberIds)).map((user) => [user.id, user]));
    const site = await this.settings.accessRules();
    const titles = await forumTargetTitles(
      this.dataSource.manager,
      page.items.flatMap((entry) => (entry.targetId ? [{ type: entry.targetType, id: entry.targetId }] : [])),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((entry) => {
        const actor = entry.actorId ? members.get(entry.actorId) : undefined;
        return {
          id: entry.id,
          actor: actor ? toUserDto(actor) : null,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          target: { label: this.label(caller, site, entry.targetType, entry.targetId, members, titles) },
          reason: entry.reason,
          createdAt: entry.createdAt.toISOString(),
        };
      }),
    };
  }

  /**
   * A member by their username (nobody once their account is deleted); a topic or post by its topic's title and
   * a category by its name, only where the reader may see that space (a site moderator reads that a group's
   * space was edited, not what it is called).
   */
  private label(
    caller: Caller,
    site: SiteRules,
    type: string,
    id: string | null,
    members: Map<string, { username: string; status: string }>,
    titles: Map<string, { label: string; category: CategoryRef }>,
  ): string | null {
    if (!id) return null;
    if (type === 'user') {
      const member = members.get(id);
      return member && member.status !== 'deleted' ? member.username : null;
    }
    const title = titles.get(id);
    return title && this.access.can(caller, { action: 'category.see', category: title.category, site }) ? title.label : null;
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
