import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Caller } from '@harbour/access';
import { DomainEvents, InvalidInputError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { NOTIFICATION_TYPES, type NotificationDto, type NotificationPreferencesDto, type PageDto } from '@harbour/contracts';
import { NotificationReader } from './notification-reader';
import { preferencesOf, withoutEmail } from './notification-preferences';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationRepository } from './notification.repository';
import type { MarkReadDto, UpdatePreferencesDto } from './notifications.dtos';
import { readUnsubscribeToken, type MailKind } from './unsubscribe-token';

/** A member's own notifications and choices: list, count, mark read, preferences, unsubscribe. */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly reader: NotificationReader,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /** A conversation read to its end needs no notification (nor its email, still waiting) any more. */
  onModuleInit(): void {
    this.events.on('ConversationRead', async (event) => {
      if (await this.notifications.markConversationRead(event.userId, event.conversationId)) {
        this.events.publish('NotificationsRead', { userId: event.userId });
      }
    });
  }

  list(caller: Caller, query: { cursor?: string; limit?: number; unread?: boolean }): Promise<PageDto<NotificationDto>> {
    return this.reader.page(caller, query);
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.reader.unreadCount(caller) };
  }

  /** Marks the caller's own notifications read; ids of anyone else's are ignored, never told apart. */
  async markRead(caller: Caller, dto: MarkReadDto): Promise<void> {
    if ((dto.ids === undefined) === (dto.all === undefined)) throw new InvalidInputError('give either ids or all: true');
    await this.notifications.markRead(caller.userId, dto.ids ?? null);
    this.events.publish('NotificationsRead', { userId: caller.userId });
  }

  async preferences(caller: Caller): Promise<NotificationPreferencesDto> {
    return preferencesOf(await this.settingsRows.find(caller.userId));
  }

  async updatePreferences(caller: Caller, dto: UpdatePreferencesDto): Promise<NotificationPreferencesDto> {
    await this.settingsRows.change(caller.userId, (next) => {
      if (dto.deliveries) {
        const deliveries = { ...next.deliveries };
        for (const type of NOTIFICATION_TYPES) {
          const chosen = dto.deliveries[type];
          if (chosen) deliveries[type] = chosen;
        }
        next.deliveries = deliveries;
      }
      if (dto.digest) next.digest = dto.digest;
      if (dto.discreetEmails !== undefined) next.discreetEmails = dto.discreetEmails;
      if (dto.pushDetails !== undefined) next.pushDetails = dto.pushDetails;
    });
    return this.preferences(caller);
  }

  /**
   * The one-click unsubscribe of a notification email or digest: turns off that kind of mail for the
   * member the signed token names (in-app notifications stay). An invalid token is a 400; nothing else is said.
   */
  async unsubscribe(token: string | undefined): Promise<{ kind: MailKind; unsubscribed: true }> {
    const read = token ? readUnsubscribeToken(this.config.sessionSecret ?? '', token) : null;
    if (!read) throw new InvalidInputError('token is invalid');
    // A signed link may outlive its member: a row is made only for a member who still exists.
    await this.settingsRows.change(
      read.userId,
      (next) => {
        if (read.kind === 'digest') next.digest = 'off';
        else next.deliveries = { ...next.deliveries, [read.kind]: withoutEmail(preferencesOf(next).deliveries[read.kind]) };
      },
      { ifMemberExists: true },
    );
    return { kind: read.kind, unsubscribed: true };
  }
}
