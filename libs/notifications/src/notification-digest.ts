import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberCallers } from '@harbour/accounts';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { DigestFrequency, Locale } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { digestMail, MailService } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import { NotificationMailer } from './notification-mailer';
import { NotificationReader } from './notification-reader';

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
    private readonly dataSource: DataSource,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly mail: MailService,
    private readonly mailer: NotificationMailer,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    jobs.define({ name: NOTIFICATION_DIGEST_JOB, retryLimit: 2, retryDelay: 300 });
    jobs.handle(NOTIFICATION_DIGEST_JOB, () => this.sendDue().then(() => undefined));
    jobs.schedule(NOTIFICATION_DIGEST_JOB, '0 * * * *');
  }

  /** Sends every summary that is due; returns how many were sent. */
  async sendDue(now = new Date()): Promise<number> {
    const due: {
      user_id: string;
      digest: Exclude<DigestFrequency, 'off'>;
      last_digest_at: Date | null;
      discreet_emails: boolean;
      email: string;
      locale: Locale;
    }[] = await this.dataSource.query(
      `SELECT s.user_id, s.digest, s.last_digest_at, s.discreet_emails, u.email, u.locale
           FROM notification_settings s JOIN users u ON u.id = s.user_id AND u.status = 'active'
          WHERE s.digest <> 'off'
            AND (s.last_digest_at IS NULL
                 OR s.last_digest_at <= $1::timestamptz - make_interval(hours => CASE s.digest WHEN 'daily' THEN 24 ELSE 168 END))`,
      [now],
    );
    if (due.length === 0) return 0;
    const callers = await this.members.load(due.map((row) => row.user_id));
    const { siteName } = await this.settings.get();
    let sent = 0;
    for (const row of due) {
      const recipient = callers.get(row.user_id);
      if (!recipient) continue;
      const since = row.last_digest_at ?? new Date(now.getTime() - PERIOD_HOURS[row.digest] * 3600_000);
      const unread = (await this.reader.page(recipient, { unread: true, limit: DIGEST_ITEMS })).items.filter(
        (item) => new Date(item.createdAt) > since,
      );
      const message =
        unread.length > 0
          ? digestMail(unread, row.digest, {
              to: row.email,
              locale: row.locale,
              siteName,
              discreet: row.discreet_emails,
              link: `${this.config.publicUrl}/notifications`,
              ...this.mailer.unsubscribeLinks(row.user_id, 'digest'),
            })
          : null;
      await this.dataSource.transaction(async (manager) => {
        const claimed: [unknown[], number] = await manager.query(
          `UPDATE notification_settings SET last_digest_at = $3 WHERE user_id = $1 AND last_digest_at IS NOT DISTINCT FROM $2 RETURNING user_id`,
          [row.user_id, row.last_digest_at, now],
        );
        if (claimed[1] > 0 && message) {
          await this.mail.enqueue(message, manager);
          sent += 1;
        }
      });
    }
    return sent;
  }
}
