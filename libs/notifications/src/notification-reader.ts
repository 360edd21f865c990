import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { decodeCursor, toPage } from '@harbour/common';
import type { NotificationDto, PageDto } from '@harbour/contracts';
import { namedConversationIds } from '@harbour/conversations';
import { SettingsService } from '@harbour/settings';
import { toNotificationDto } from './notification.mapper';
import { NotificationRepository, type ListScope } from './notification.repository';

/**
 * Reads a member's notifications, for the API, the live pushes and the emails alike. Whatever a
 * notification points at is checked again at read time inside the SQL: a topic in a space the member may
 * no longer see, or a post since deleted or hidden, is not listed, counted or mailed.
 */
@Injectable()
export class NotificationReader {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async page(recipient: Caller, query: { cursor?: string; limit?: number; unread?: boolean }): Promise<PageDto<NotificationDto>> {
    const limit = query.limit ?? 20;
    const rows = await this.notifications.list(await this.scope(recipient), {
      after: decodeCursor(query.cursor),
      limit: limit + 1,
      unread: query.unread,
    });
    return toPage(rows, limit, (row) => ({ at: row.created_at.toISOString(), id: row.id }), toNotificationDto);
  }

  /** The given notifications of one member that they may still see (a live push, an email). */
  async byIds(recipient: Caller, ids: string[], options: { includeEmailOnly?: boolean } = {}): Promise<NotificationDto[]> {
    if (ids.length === 0) return [];
    const rows = await this.notifications.list(await this.scope(recipient, options.includeEmailOnly), { ids, limit: ids.length });
    return rows.map(toNotificationDto);
  }

  async unreadCount(recipient: Caller): Promise<number> {
    return this.notifications.countUnread(await this.scope(recipient));
  }

  /** The member's notifications that point at nothing, or at a space and topic they may see now. */
  private async scope(recipient: Caller, includeEmailOnly = false): Promise<ListScope> {
    const categories = this.access.visibleCategories(recipient, await this.settings.accessRules(), 'category');
    // And a support desk's topic only to its author and the space's moderators (topic.see).
    const desks = this.access.visibleDeskTopics(recipient, 'topic', 'category');
    return {
      recipientId: recipient.userId,
      visibleCategories: { where: `(${categories.where} AND ${desks.where})`, params: { ...categories.params, ...desks.params } },
      visibleConversations: this.access.visibleConversations(recipient, 'conv', 'convme', namedConversationIds(':callerId')),
      includeEmailOnly,
    };
  }
}
