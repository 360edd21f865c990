import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberCallers } from '@harbour/accounts';
import { cutText } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { Locale, NotificationDto, NotificationType } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { htmlToText } from '@harbour/forum';
import { MailService, notificationMail } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import { NotificationReader } from './notification-reader';
import { NotificationSettings } from './notification-settings.entity';
import { preferencesOf, wantsEmail } from './notification-preferences';
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
    private readonly dataSource: DataSource,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    jobs.define({ name: NOTIFICATION_EMAIL_JOB, retryLimit: 5, retryDelay: 60 });
    jobs.handle<{ notificationId: string }>(NOTIFICATION_EMAIL_JOB, (job) => this.send(job.notificationId));
  }

  async send(notificationId: string): Promise<void> {
    const rows: {
      user_id: string;
      type: NotificationType;
      read_at: Date | null;
      emailed_at: Date | null;
      email: string;
      locale: Locale;
    }[] = await this.dataSource.query(
      `SELECT n.user_id, n.type, n.read_at, n.emailed_at, u.email, u.locale
           FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
      [notificationId],
    );
    const row = rows[0];
    if (!row || row.read_at || row.emailed_at) return;
    const recipient = (await this.members.load([row.user_id])).get(row.user_id);
    if (!recipient) return;
    const preferences = preferencesOf(await this.dataSource.getRepository(NotificationSettings).findOneBy({ userId: row.user_id }));
    if (!wantsEmail(preferences.deliveries[row.type])) return;
    const [notification] = await this.reader.byIds(recipient, [notificationId], { includeEmailOnly: true });
    if (!notification) return;
    const { siteName } = await this.settings.get();
    const message = notificationMail(notification, {
      to: row.email,
      locale: row.locale,
      siteName,
      discreet: preferences.discreetEmails,
      excerpt: preferences.discreetEmails ? null : await this.excerpt(notification),
      link: preferences.discreetEmails ? `${this.config.publicUrl}/notifications` : this.linkTo(notification),
      ...this.unsubscribeLinks(row.user_id, row.type),
    });
    await this.dataSource.transaction(async (manager) => {
      const marked: [unknown[], number] = await manager.query(
        'UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL AND read_at IS NULL RETURNING id',
        [notificationId],
      );
      if (marked[1] > 0) await this.mail.enqueue(message, manager);
    });
  }

  /** Where a notification leads in the web client. */
  linkTo(notification: NotificationDto): string {
    const base = this.config.publicUrl;
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
    const rows: { html: string }[] = await this.dataSource.query('SELECT html FROM posts WHERE id = $1', [notification.postId]);
    const body = rows[0] ? htmlToText(rows[0].html) : null;
    if (!body) return null;
    return body.length > EXCERPT_CHARS ? `${cutText(body, EXCERPT_CHARS - 1)}…` : body;
  }
}
