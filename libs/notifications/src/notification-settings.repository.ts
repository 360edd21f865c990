import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { emailWorks, joinUser, userContactColumns, userExists, userIsActive } from '@harbour/accounts';
import type { DigestFrequency, Locale } from '@harbour/contracts';
import { NotificationSettings } from './notification-settings.entity';

/** A member whose digest period has passed, with where and how to write to them. */
export interface DueDigest {
  userId: string;
  digest: Exclude<DigestFrequency, 'off'>;
  lastDigestAt: Date | null;
  discreetEmails: boolean;
  email: string;
  locale: Locale;
}

/** Notification settings: all SQL on `notification_settings` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class NotificationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The member's row, or null when they kept the defaults. */
  find(userId: string, manager?: EntityManager): Promise<NotificationSettings | null> {
    return this.db(manager).findOneBy(NotificationSettings, { userId });
  }

  /** The rows of those members who have one, in one query. */
  findMany(userIds: string[], manager?: EntityManager): Promise<NotificationSettings[]> {
    return this.db(manager)
      .createQueryBuilder(NotificationSettings, 's')
      .where('s.user_id = ANY(CAST(:ids AS uuid[]))', { ids: userIds })
      .getMany();
  }

  /**
   * Changes the member's row under its lock, making it first when missing (ON CONFLICT: two first saves at once
   * both find it, then queue on the lock). With `ifMemberExists` a row is made only for a member who still
   * exists (a signed link may outlive its member); false when there is no row to change.
   */
  change(userId: string, apply: (settings: NotificationSettings) => void, options: { ifMemberExists?: boolean } = {}): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        options.ifMemberExists
          ? `INSERT INTO notification_settings (user_id) SELECT $1::uuid WHERE ${userExists('$1::uuid')} ON CONFLICT (user_id) DO NOTHING`
          : 'INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING',
        [userId],
      );
      const settings = await manager.findOne(NotificationSettings, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!settings) return false;
      apply(settings);
      await manager.save(settings);
      return true;
    });
  }

  /** Active members with a digest whose period (a day, a week) has passed since their last one. */
  async dueDigests(now: Date, manager?: EntityManager): Promise<DueDigest[]> {
    const rows: {
      user_id: string;
      digest: Exclude<DigestFrequency, 'off'>;
      last_digest_at: Date | null;
      discreet_emails: boolean;
      u_email: string;
      u_locale: Locale;
      u_discreet: boolean;
    }[] = await this.db(manager).query(
      `SELECT s.user_id, s.digest, s.last_digest_at, s.discreet_emails, ${userContactColumns('u')}
         FROM notification_settings s ${joinUser('u', 's.user_id')}
        WHERE ${userIsActive('u')} AND ${emailWorks('u')} AND s.digest <> 'off'
          AND (s.last_digest_at IS NULL
               OR s.last_digest_at <= $1::timestamptz - make_interval(hours => CASE s.digest WHEN 'daily' THEN 24 ELSE 168 END))`,
      [now],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      digest: row.digest,
      lastDigestAt: row.last_digest_at,
      // The member's discreet mode asks the same of a digest as discreet emails do.
      discreetEmails: row.discreet_emails || row.u_discreet,
      email: row.u_email,
      locale: row.u_locale,
    }));
  }

  /**
   * Claims the member's digest by moving `last_digest_at` from what was read to `now`: true for the one
   * transaction that moves it, so two workers never send the same summary.
   */
  async claimDigest(userId: string, lastDigestAt: Date | null, now: Date, manager?: EntityManager): Promise<boolean> {
    const claimed: [unknown[], number] = await this.db(manager).query(
      `UPDATE notification_settings SET last_digest_at = $3 WHERE user_id = $1 AND last_digest_at IS NOT DISTINCT FROM $2 RETURNING user_id`,
      [userId, lastDigestAt, now],
    );
    return claimed[1] > 0;
  }
}
