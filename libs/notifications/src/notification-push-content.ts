import { Injectable } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import type { Locale } from '@harbour/contracts';
import { notificationSentence } from '@harbour/mail';
import { NotificationMailer } from './notification-mailer';
import { preferencesOf, wantsInApp } from './notification-preferences';
import { NotificationReader } from './notification-reader';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationRepository } from './notification.repository';

/** What a web push shows: a title, a line, and where a tap leads (a path on the site). */
export interface PushContent {
  title: string;
  body: string;
  url: string;
  /** Pushes with one tag replace each other on the device: one "new activity" at a time, one per topic with details. */
  tag: string;
}

const NEW_ACTIVITY: Record<Locale, string> = { en: 'New activity', fr: 'Nouvelle activité' };

/**
 * The push a discreet member gets (api.md 1.1), and a member without push details: no name, title or words,
 * a neutral page. Other pushes to members (drug-supply alerts) use it for them too.
 */
export function discreetPush(locale: Locale): PushContent {
  return { title: NEW_ACTIVITY[locale], body: '', url: '/notifications', tag: 'activity' };
}

/**
 * What a notification's web push says, decided when it is sent: nothing (null) when the notification was
 * read meanwhile, the member no longer wants it in the app, or may no longer see what it is about (the
 * reader checks access again); "New activity" and a link to the notifications page, unless the member
 * turned push details on and is not in discreet mode: then who did what where, and a little of the post.
 */
@Injectable()
export class NotificationPushContent {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mailer: NotificationMailer,
  ) {}

  async of(notificationId: string, userId: string): Promise<PushContent | null> {
    const row = await this.notifications.emailTarget(notificationId);
    if (!row || row.userId !== userId || !row.unread) return null;
    const recipient = (await this.members.load([row.userId])).get(row.userId);
    if (!recipient) return null;
    const preferences = preferencesOf(await this.settingsRows.find(row.userId));
    if (!wantsInApp(preferences.deliveries[row.type])) return null;
    const [notification] = await this.reader.byIds(recipient, [notificationId]);
    if (!notification) return null;
    if (!preferences.pushDetails || row.discreet) return discreetPush(row.locale);
    const link = new URL(await this.mailer.linkTo(notification));
    return {
      title: notificationSentence(notification, row.locale),
      body: (await this.mailer.excerptOf(notification, row.locale)) ?? '',
      url: `${link.pathname}${link.search}`,
      tag: notification.topicId ?? notification.conversationId ?? notification.id,
    };
  }
}
