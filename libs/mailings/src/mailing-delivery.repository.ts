import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { emailWorks, joinUser, userReceivesMailings } from '@harbour/accounts';
import type { Locale } from '@harbour/contracts';
import { groupMemberUserIds } from '@harbour/groups';
import type { Mailing } from './mailing.entity';
import { REFUSED_STATUSES } from './subscriber.repository';

export interface ClaimedDelivery {
  id: string;
  email: string;
  locale: Locale;
}

/** A mailing's recipients and their outcomes: all SQL on `mailing_deliveries` lives here. */
@Injectable()
export class MailingDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Writes a mailing's recipients, once, when its sending begins (so someone who unsubscribes between
   * scheduling and sending is left out): one delivery row per address, folded for case by the unique
   * (mailing, email) key. Returns how many were written.
   *
   * - subscribers: every subscribed address whose consent holds (express, or implied and not expired);
   * - members: the members who subscribed from their account (and are not banned or awaiting approval);
   * - a group: its members, minus the addresses on the list that refused mail;
   * - never a member whose address bounced or complained (`emailWorks`), until they fix it.
   */
  async writeRecipients(mailing: Mailing, manager: EntityManager): Promise<number> {
    const { select, params } = this.recipientsSelect(mailing);
    const rows: { count: number }[] = await manager.query(
      `WITH written AS (INSERT INTO mailing_deliveries (mailing_id, email, locale) ${select}
                        ON CONFLICT (mailing_id, email) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS count FROM written`,
      params,
    );
    return rows[0]?.count ?? 0;
  }

  /** How many addresses writeRecipients would write now (the send dialog says it before the admin sends). */
  async countRecipients(mailing: Mailing): Promise<number> {
    const { select, params } = this.recipientsSelect(mailing);
    const rows: { count: number }[] = await this.db().query(
      `SELECT count(DISTINCT r.email)::int AS count FROM (${select}) AS r(mailing_id, email, locale)`,
      params,
    );
    return rows[0]?.count ?? 0;
  }

  /** The recipients' rows (mailing id, address, locale), by audience: see writeRecipients. */
  private recipientsSelect(mailing: Mailing): { select: string; params: unknown[] } {
    const consentHolds = `(s.consent_method = 'express' OR s.consent_expires_at > now())`;
    const select =
      mailing.audienceKind === 'subscribers'
        ? `SELECT $1::uuid, s.email, s.locale FROM subscribers s WHERE s.status = 'subscribed' AND ${consentHolds}`
        : mailing.audienceKind === 'members'
          ? `SELECT $1::uuid, s.email, s.locale FROM subscribers s ${joinUser('u', 's.user_id')}
              WHERE s.status = 'subscribed' AND ${userReceivesMailings('u')} AND ${emailWorks('u')}`
          : `SELECT $1::uuid, lower(u.email), u.locale FROM (${groupMemberUserIds('$2')}) m ${joinUser('u', 'm.user_id')}
              WHERE ${userReceivesMailings('u')} AND ${emailWorks('u')}
                AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.email = lower(u.email) AND s.status IN ${REFUSED_STATUSES})`;
    return { select, params: mailing.audienceKind === 'group' ? [mailing.id, mailing.audienceGroupId] : [mailing.id] };
  }

  /**
   * Delivery rows counted by status per mailing, plus `unsubscribed`: addresses that left the list since
   * the mailing started. One query whatever the number of mailings.
   */
  countsByStatus(mailingIds: string[]): Promise<{ mailing_id: string; status: string; count: number }[]> {
    return this.db().query(
      `SELECT mailing_id, status, count(*)::int AS count FROM mailing_deliveries WHERE mailing_id = ANY($1::uuid[]) GROUP BY mailing_id, status
       UNION ALL
       SELECT d.mailing_id, 'unsubscribed', count(*)::int FROM mailing_deliveries d
         JOIN mailings m ON m.id = d.mailing_id
         JOIN subscribers s ON s.email = d.email AND s.status = 'unsubscribed' AND s.status_changed_at >= m.started_at
        WHERE d.mailing_id = ANY($1::uuid[]) GROUP BY d.mailing_id`,
      [mailingIds],
    );
  }

  /** Rows still `sending` when the sender holds the lock were being handed over when their worker died. */
  async markInterrupted(mailingId: string): Promise<void> {
    await this.db().query(
      `UPDATE mailing_deliveries SET status = 'interrupted',
              error = 'the worker stopped while handing this message to the mail server; not sent again, so nobody gets two copies'
        WHERE mailing_id = $1 AND status = 'sending'`,
      [mailingId],
    );
  }

  /** Claims up to `limit` due rows (queued → sending, committed before their messages go out). */
  async claim(mailingId: string, limit: number): Promise<ClaimedDelivery[]> {
    const [rows] = await this.db().query<[ClaimedDelivery[], number]>(
      `UPDATE mailing_deliveries SET status = 'sending', attempts = attempts + 1
        WHERE id IN (SELECT id FROM mailing_deliveries WHERE mailing_id = $1 AND status = 'queued' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at, id LIMIT $2)
        RETURNING id, email, locale`,
      [mailingId, limit],
    );
    return rows;
  }

  /** Claimed rows never handed to SMTP go back to the queue, their attempt not counted. */
  async requeue(ids: string[]): Promise<void> {
    await this.db().query(`UPDATE mailing_deliveries SET status = 'queued', attempts = attempts - 1 WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async markSent(ids: string[]): Promise<void> {
    await this.db().query(`UPDATE mailing_deliveries SET status = 'sent', sent_at = now(), error = NULL WHERE id = ANY($1::bigint[])`, [
      ids,
    ]);
  }

  /** Refused for now: queued again after a doubling wait, or failed after `maxAttempts`. */
  async retryLater(retry: { id: string; reason: string }[], maxAttempts: number, firstWaitSeconds: number): Promise<void> {
    await this.db().query(
      `UPDATE mailing_deliveries d SET error = r.reason,
              status = CASE WHEN d.attempts >= $3 THEN 'failed' ELSE 'queued' END,
              next_attempt_at = now() + make_interval(secs => $4 * power(2, d.attempts - 1))
         FROM unnest($1::bigint[], $2::text[]) AS r(id, reason) WHERE d.id = r.id`,
      [retry.map((o) => o.id), retry.map((o) => o.reason), maxAttempts, firstWaitSeconds],
    );
  }

  async markBounced(bounced: { id: string; reason: string }[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mailing_deliveries d SET status = 'bounced', error = r.reason FROM unnest($1::bigint[], $2::text[]) AS r(id, reason) WHERE d.id = r.id`,
      [bounced.map((o) => o.id), bounced.map((o) => o.reason)],
    );
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    const rows = await this.db(manager).query<unknown[]>(`SELECT 1 FROM mailing_deliveries WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /**
   * A report received later about one copy: `bounced` (failed for good) or `complained` (marked as spam), from
   * a copy handed over (sent, or interrupted in the handover and perhaps delivered). Answers the copy's
   * address and mailing when the row changed, null when it had changed already (a report received twice).
   */
  async recordReport(
    id: string,
    status: 'bounced' | 'complained',
    reason: string | null,
    manager: EntityManager,
  ): Promise<{ email: string; mailingId: string } | null> {
    const [rows] = await manager.query<[{ email: string; mailingId: string }[], number]>(
      `UPDATE mailing_deliveries SET status = $2, error = coalesce($3, error)
        WHERE id = $1 AND status IN ('sent', 'interrupted')
        RETURNING email, mailing_id AS "mailingId"`,
      [id, status, reason],
    );
    return rows[0] ?? null;
  }

  /**
   * A copy failed for now, reported later: marked once, however often it is reported. Answers how many copies
   * to that address failed so since its list status last changed (a resubscription starts afresh), or null
   * when this copy was counted already. The address's copies take turns on an advisory lock, so two reports
   * at once about two copies both count.
   */
  async recordSoftBounce(id: string, manager: EntityManager): Promise<{ email: string; mailingId: string; count: number } | null> {
    const [rows] = await manager.query<[{ email: string; mailingId: string }[], number]>(
      `UPDATE mailing_deliveries SET soft_bounced_at = now()
        WHERE id = $1 AND soft_bounced_at IS NULL AND status IN ('sent', 'interrupted')
        RETURNING email, mailing_id AS "mailingId"`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('soft bounces of ' || $1))`, [row.email]);
    const [counted] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM mailing_deliveries d
        WHERE d.email = $1 AND d.soft_bounced_at >= coalesce((SELECT s.status_changed_at FROM subscribers s WHERE s.email = $1), '-infinity')`,
      [row.email],
    );
    return { ...row, count: counted?.count ?? 1 };
  }

  /** Seconds until the next queued row is due, or null when none waits. */
  async secondsToNextAttempt(mailingId: string): Promise<number | null> {
    const [next] = await this.db().query<{ seconds: number | null }[]>(
      `SELECT ceil(extract(epoch FROM min(next_attempt_at) - now()))::int AS seconds FROM mailing_deliveries WHERE mailing_id = $1 AND status = 'queued'`,
      [mailingId],
    );
    return next?.seconds ?? null;
  }
}
