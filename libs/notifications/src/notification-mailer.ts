import { Inject, Injectable } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import { cutText } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { NotificationDto } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { htmlToText } from '@harbour/forum';
import { MailService, notificationMail } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import { NotificationReader } from './notification-reader';
import { preferencesOf, wantsEmail } from './notification-preferences';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSources } from './notification-sources.repository';
import { NotificationRepository } from './notification.repository';
import { unsubscribeToken, type MailKind } from './unsubscribe-token';

export const NOTIFICATION_EMAIL_JOB = 'notifications.email';

/** How much of a post an email quotes: enough to know whether to open it, no more. */
const EXCERPT_CHARS = 280;

/**
 * Emails one notification, when its delayed job comes due, only if it is still unread, the member still
 * wants this type by email, is still active, and may still see what it points at. The email is queued in
 * the transaction that marks the notification emailed, so a retried job never sends it twice.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    jobs: JobQueue,
    private readonly notifications: NotificationRepository,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly sources: NotificationSources,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    jobs.define({ name: NOTIFICATION_EMAIL_JOB, retryLimit: 5, retryDelay: 60 });
    jobs.handle(NOTIFICATION_EMAIL_JOB, (job) => this.send(job.notificationId));
  }

  async send(notificationId: string): Promise<void> {
    const row = await this.notifications.emailTarget(notificationId);
    if (!row || !row.unread || row.emailed) return;
    const recipient = (await this.members.load([row.userId])).get(row.userId);
    if (!recipient) return;
    const preferences = preferencesOf(await this.settingsRows.find(row.userId));
    if (!wantsEmail(preferences.deliveries[row.type])) return;
    // Read as the member's list reads it: gone when they may no longer see it, or blocked its actor meanwhile.
    const [notification] = await this.reader.byIds(recipient, [notificationId], { includeEmailOnly: true });
    if (!notification) return;
    const { siteName } = await this.settings.get();
    // The member's discreet mode (api.md 1.1) asks the same of every email as discreet emails do.
    const discreet = preferences.discreetEmails || row.discreet;
    const message = notificationMail(notification, {
      to: row.email,
      locale: row.locale,
      siteName,
      discreet,
      excerpt: discreet ? null : await this.excerpt(notification),
      link: discreet ? `${this.config.publicUrl}/notifications` : this.linkTo(notification),
      ...this.unsubscribeLinks(row.userId, row.type),
    });
    await this.notifications.transaction(async (manager) => {
      if (await this.notifications.markEmailed(notificationId, manager)) await this.mail.enqueue(message, manager);
    });
  }

  /** Where a notification leads in the web client. */
  linkTo(notification: NotificationDto): string {
    const base = this.config.publicUrl;
    if (notification.conversationId) return `${base}/messages/${notification.conversationId}`;
    if (notification.topicId) return `${base}/t/${notification.topicId}${notification.postId ? `#post-${notification.postId}` : ''}`;
    if (notification.type === 'group_invitation') return `${base}/notifications`;
    if (notification.data.groupSlug) return `${base}/g/${notification.data.groupSlug}`;
    return `${base}/notifications`;
  }

  unsubscribeLinks(userId: string, kind: MailKind): { unsubscribePage: string; oneClickUnsubscribe: string; preferencesPage: string } {
    const token = encodeURIComponent(unsubscribeToken(this.config.sessionSecret ?? '', userId, kind));
    return {
      unsubscribePage: `${this.config.publicUrl}/unsubscribe?token=${token}`,
      oneClickUnsubscribe: `${this.config.publicUrl}/api/notifications/unsubscribe?token=${token}`,
      preferencesPage: `${this.config.publicUrl}/settings/notifications`,
    };
  }

  /**
   * The post as plain text, cut short (the reader already checked the post is visible): from its rendered
   * HTML, so neither Markdown nor a censored word shows. None behind a content warning: the email shows the
   * warning instead (notificationMail reads it from the notification).
   */
  private async excerpt(notification: NotificationDto): Promise<string | null> {
    if (!notification.postId || notification.type === 'reaction' || notification.data.contentWarning) return null;
    const html = await this.sources.postHtml(notification.postId);
    const body = html ? htmlToText(html) : null;
    if (!body) return null;
    return body.length > EXCERPT_CHARS ? `${cutText(body, EXCERPT_CHARS - 1)}…` : body;
  }
}
