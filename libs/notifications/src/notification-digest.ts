import { Inject, Injectable } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { DigestFrequency } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { digestMail, MailService } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import { ReplyAddresses } from '@harbour/mail-replies';
import type { EntityManager } from 'typeorm';
import type { NotificationDto } from '@harbour/contracts';
import { NotificationMailer, replyTarget } from './notification-mailer';
import { NotificationReader } from './notification-reader';
import { NotificationSettingsRepository } from './notification-settings.repository';

export const NOTIFICATION_DIGEST_JOB = 'notifications.digest';
const PERIOD_HOURS: Record<Exclude<DigestFrequency, 'off'>, number> = { daily: 24, weekly: 168 };
const DIGEST_ITEMS = 20;

/**
 * Daily and weekly summaries of unread notifications, for members who chose one. An hourly scheduled job
 * finds the members whose period has passed; each member's summary is claimed by moving `last_digest_at`
 * in the transaction that queues the email, so two workers never send the same summary.
 */
@Injectable()
export class NotificationDigest {
  constructor(
    jobs: JobQueue,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mail: MailService,
    private readonly mailer: NotificationMailer,
    private readonly settings: SettingsService,
    private readonly replyAddresses: ReplyAddresses,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    jobs.define({ name: NOTIFICATION_DIGEST_JOB, retryLimit: 2, retryDelay: 300 });
    jobs.handle(NOTIFICATION_DIGEST_JOB, () => this.sendDue().then(() => undefined));
    jobs.schedule(NOTIFICATION_DIGEST_JOB, '0 * * * *');
  }

  /** Sends every summary that is due; returns how many were sent. */
  async sendDue(now = new Date()): Promise<number> {
    const due = await this.settingsRows.dueDigests(now);
    if (due.length === 0) return 0;
    const callers = await this.members.load(due.map((row) => row.userId));
    const { siteName } = await this.settings.get();
    let sent = 0;
    for (const row of due) {
      const recipient = callers.get(row.userId);
      if (!recipient) continue;
      const since = row.lastDigestAt ?? new Date(now.getTime() - PERIOD_HOURS[row.digest] * 3600_000);
      const unread = (await this.reader.page(recipient, { unread: true, limit: DIGEST_ITEMS })).items.filter(
        (item) => new Date(item.createdAt) > since,
      );
      await this.settingsRows.transaction(async (manager) => {
        if (!(await this.settingsRows.claimDigest(row.userId, row.lastDigestAt, now, manager)) || unread.length === 0) return;
        const message = digestMail(unread, row.digest, {
          to: row.email,
          locale: row.locale,
          siteName,
          discreet: row.discreetEmails,
          link: `${this.config.publicUrl}/notifications`,
          replyTo: row.discreetEmails ? undefined : await this.replyAddressesFor(manager, row.userId, unread),
          ...this.mailer.unsubscribeLinks(row.userId, 'digest'),
        });
        await this.mail.enqueue({ ...message, bounceTo: { userId: row.userId } }, manager);
        sent += 1;
      });
    }
    return sent;
  }

  /** One reply address per topic or conversation of the summary, made in its transaction (by notification id). */
  private async replyAddressesFor(manager: EntityManager, userId: string, unread: NotificationDto[]): Promise<Map<string, string>> {
    const byPlace = new Map<string, string | null>();
    const addresses = new Map<string, string>();
    for (const notification of unread) {
      const target = replyTarget(notification);
      if (!target) continue;
      const place = JSON.stringify(target);
      if (!byPlace.has(place)) byPlace.set(place, await this.replyAddresses.issue(manager, userId, target));
      const address = byPlace.get(place);
      if (address) addresses.set(notification.id, address);
    }
    return addresses;
  }
}
