import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import { DomainEvents, InvalidInputError } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { NOTIFICATION_TYPES, type NotificationDto, type NotificationPreferencesDto, type PageDto } from '@harbour/contracts';
import { NotificationReader } from './notification-reader';
import { NotificationSettings } from './notification-settings.entity';
import { preferencesOf, withoutEmail } from './notification-preferences';
import type { MarkReadDto, UpdatePreferencesDto } from './notifications.dtos';
import { readUnsubscribeToken, type MailKind } from './unsubscribe-token';

/** A member's own notifications and choices: list, count, mark read, preferences, unsubscribe. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: NotificationReader,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  list(caller: Caller, query: { cursor?: string; limit?: number; unread?: boolean }): Promise<PageDto<NotificationDto>> {
    return this.reader.page(caller, query);
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.reader.unreadCount(caller) };
  }

  /** Marks the caller's own notifications read; ids of anyone else's are ignored, never told apart. */
  async markRead(caller: Caller, dto: MarkReadDto): Promise<void> {
    if ((dto.ids === undefined) === (dto.all === undefined)) throw new InvalidInputError('give either ids or all: true');
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [caller.userId, dto.ids ?? null],
    );
    this.events.publish('NotificationsRead', { userId: caller.userId });
  }

  async preferences(caller: Caller): Promise<NotificationPreferencesDto> {
    return preferencesOf(await this.dataSource.getRepository(NotificationSettings).findOneBy({ userId: caller.userId }));
  }

  async updatePreferences(caller: Caller, dto: UpdatePreferencesDto): Promise<NotificationPreferencesDto> {
    await this.dataSource.transaction(async (manager) => {
      // The row is made first (ON CONFLICT: two first saves at once both find it), then locked and changed.
      await manager.query('INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [caller.userId]);
      const next = await manager.findOneOrFail(NotificationSettings, {
        where: { userId: caller.userId },
        lock: { mode: 'pessimistic_write' },
      });
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
      await manager.save(next);
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
    await this.dataSource.transaction(async (manager) => {
      // Made first if missing (for a member who still exists), so two clicks at once both find the row to lock.
      await manager.query(
        'INSERT INTO notification_settings (user_id) SELECT id FROM users WHERE id = $1 ON CONFLICT (user_id) DO NOTHING',
        [read.userId],
      );
      const next = await manager.findOne(NotificationSettings, { where: { userId: read.userId }, lock: { mode: 'pessimistic_write' } });
      if (!next) return;
      if (read.kind === 'digest') next.digest = 'off';
      else next.deliveries = { ...next.deliveries, [read.kind]: withoutEmail(preferencesOf(next).deliveries[read.kind]) };
      await manager.save(next);
    });
    return { kind: read.kind, unsubscribed: true };
  }
}
