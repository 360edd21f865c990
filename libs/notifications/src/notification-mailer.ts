import { Inject, Injectable } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import { cutText } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { Caller } from '@harbour/access';
import type { Locale, NotificationDto, NotificationPreferencesDto } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { htmlToText, postPath } from '@harbour/forum';
import {
  contentWarningLine,
  MailService,
  notificationMail,
  topicBatchMail,
  withReplyAddress,
  type BatchItem,
  type OutgoingMail,
} from '@harbour/mail';
import { ReplyAddresses, type ReplyTarget } from '@harbour/mail-replies';
import type { EntityManager } from 'typeorm';
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
/** How many of a topic email's newest notifications quote their post (the template shows that many). */
const TOPIC_EXCERPTS = 3;

/**
 * Emails a notification, when its delayed job comes due, only if it is still unread, the member still
 * wants this type by email, is still active, and may still see what it points at. One about a topic brings
 * along every other unread, not yet emailed one of the member about that topic (one email for a busy
 * thread, not one per reply), and waits while the member's last email about that topic is younger than
 * the topic interval (an hour). The email is queued in the transaction that marks its notifications
 * emailed, so a retried job never sends it twice.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationRepository,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly sources: NotificationSources,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly replyAddresses: ReplyAddresses,
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
    if (row.topicId && row.type !== 'moderation')
      return this.sendTopic(notificationId, { ...row, topicId: row.topicId }, recipient, preferences);
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
      link: discreet ? `${this.config.publicUrl}/notifications` : await this.linkTo(notification),
      ...this.unsubscribeLinks(row.userId, row.type),
    });
    await this.notifications.transaction(async (manager) => {
      if (!(await this.notifications.markEmailed(notificationId, manager))) return;
      const target = discreet ? null : replyTarget(notification);
      await this.mail.enqueue(await this.answerable(manager, message, row, target), manager);
    });
  }

  /**
   * The topic email: every unread, not yet emailed notification of the member about the topic that they may
   * still see and want by email, newest first, in one email, unless the last one about the topic is younger
   * than the interval: then this job comes back when it is not (deferred, never dropped; by then the member
   * may have read them, and nothing goes).
   */
  private async sendTopic(
    notificationId: string,
    row: NonNullable<Awaited<ReturnType<NotificationRepository['emailTarget']>>> & { topicId: string },
    recipient: Caller,
    preferences: NotificationPreferencesDto,
  ): Promise<void> {
    const interval = this.config.notificationTopicIntervalSeconds;
    // Deferred at once when the last email is recent (checked again under the lock before sending).
    const since = await this.notifications.lastTopicEmail(row.userId, row.topicId);
    if (since !== null && since < interval) return this.defer(notificationId, interval - since);
    const pending = (await this.notifications.topicBatch(row.userId, row.topicId)).filter((item) =>
      wantsEmail(preferences.deliveries[item.type]),
    );
    const visible = await this.reader.byIds(
      recipient,
      pending.map((item) => item.id),
      { includeEmailOnly: true },
    );
    if (visible.length === 0) return;
    // Newest post first (notifications are stored as their posts' events arrive, not always in order).
    const positions = await this.sources.postLinks(
      visible.flatMap((notification) => (notification.postId ? [notification.postId] : [])),
      [],
    );
    const numberOf = (notification: NotificationDto): number =>
      (notification.postId ? positions.get(notification.postId)?.number : null) ?? Number.MAX_SAFE_INTEGER;
    visible.sort((a, b) => numberOf(b) - numberOf(a));
    const { siteName } = await this.settings.get();
    const discreet = preferences.discreetEmails || row.discreet;
    const items: BatchItem[] = await Promise.all(
      visible.map(async (notification, index) => ({
        notification,
        excerpt: discreet || index >= TOPIC_EXCERPTS ? null : await this.excerpt(notification),
      })),
    );
    // The link leads to the oldest of them: the first post the member has not read.
    const oldest = visible[visible.length - 1];
    const link = discreet || !oldest ? `${this.config.publicUrl}/notifications` : await this.linkTo(oldest);
    const wait = await this.notifications.transaction(async (manager) => {
      const ago = await this.notifications.lastTopicEmail(row.userId, row.topicId, manager);
      if (ago !== null && ago < interval) return interval - ago;
      const claimed = await this.notifications.markEmailedMany(
        items.map((item) => item.notification.id),
        manager,
      );
      const sent = items.filter((item) => claimed.has(item.notification.id));
      const [newest] = sent;
      if (!newest) return 0;
      const message = topicBatchMail(sent, {
        to: row.email,
        locale: row.locale,
        siteName,
        discreet,
        excerpt: newest.excerpt,
        link,
        ...this.unsubscribeLinks(row.userId, newest.notification.type),
      });
      await this.mail.enqueue(await this.answerable(manager, message, row, discreet ? null : { topicId: row.topicId }), manager);
      return 0;
    });
    if (wait > 0) await this.defer(notificationId, wait);
  }

  /**
   * The member's email as it leaves: its bounces collected for that member (VERP), and, about a topic or a
   * conversation, a reply address of its own made in the email's transaction, so that answering it posts there
   * (libs/mail-replies). A discreet email gets none: it names no place, and a reply would land somewhere unseen.
   */
  private async answerable(
    manager: EntityManager,
    message: OutgoingMail,
    member: { userId: string; locale: Locale },
    target: ReplyTarget | null,
  ): Promise<OutgoingMail> {
    const bounced: OutgoingMail = { ...message, bounceTo: { userId: member.userId } };
    const address = target ? await this.replyAddresses.issue(manager, member.userId, target) : null;
    return address ? withReplyAddress(bounced, address, member.locale) : bounced;
  }

  /** Brings the notification's email job back in `seconds` (whole seconds, at least one). */
  private async defer(notificationId: string, seconds: number): Promise<void> {
    await this.jobs.send(NOTIFICATION_EMAIL_JOB, { notificationId }, { startAfter: Math.max(1, Math.ceil(seconds)) });
  }

  /** Where a notification leads in the web client: a post's own address (`/t/<slug>/<id>/<number>`) when it is about one. */
  async linkTo(notification: NotificationDto): Promise<string> {
    const base = this.config.publicUrl;
    if (notification.conversationId) return `${base}/messages/${notification.conversationId}`;
    if (notification.topicId) {
      const links = await this.sources.postLinks(notification.postId ? [notification.postId] : [], [notification.topicId]);
      const link = (notification.postId && links.get(notification.postId)) || links.get(notification.topicId);
      return link ? `${base}${postPath(link)}` : `${base}/notifications`;
    }
    // What waits for staff: the members screen for a registration, the review queue for the rest.
    if (notification.type === 'staff')
      return `${base}${notification.data.outcome === 'registration_pending' ? '/admin/users' : '/moderation/queue'}`;
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

  /** A notification's post as a push shows it: its content warning instead of its words when it has one. */
  async excerptOf(notification: NotificationDto, locale: Locale): Promise<string | null> {
    return contentWarningLine(notification, locale) ?? this.excerpt(notification);
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

/** Where answering a notification's email posts: its conversation, or its topic (not a moderation or staff notice). */
export function replyTarget(notification: NotificationDto): ReplyTarget | null {
  if (notification.conversationId) return { conversationId: notification.conversationId };
  if (notification.topicId && notification.type !== 'moderation' && notification.type !== 'staff') return { topicId: notification.topicId };
  return null;
}
