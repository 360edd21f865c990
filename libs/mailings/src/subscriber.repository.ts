import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Locale, SubscriberStatus, SuppressionStatus } from '@harbour/contracts';
import { Subscriber } from './subscriber.entity';
import type { ImportedSubscriber } from './subscribers-csv';

/** Addresses that have said no (or whose server has): no audience ever includes them. */
export const REFUSED_STATUSES = `('unsubscribed', 'bounced', 'complained')`;

/** The mailing list: all SQL on `subscribers` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class SubscriberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Subscriber | null> {
    return this.db(manager).findOneBy(Subscriber, { id });
  }

  async statusOf(where: { email: string } | { userId: string }): Promise<SubscriberStatus | null> {
    const row = await this.db().findOne(Subscriber, { where, select: { status: true } });
    return row?.status ?? null;
  }

  /**
   * The address's row, made first when missing and then row-locked, so two requests at once queue on
   * its lock (one confirmation link goes).
   */
  async lockOrCreate(email: string, locale: Locale, manager: EntityManager): Promise<Subscriber | null> {
    await manager.query(`INSERT INTO subscribers (email, locale) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [email, locale]);
    return manager.findOne(Subscriber, { where: { email }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records a confirmation link sent; the status stays what it was (asking is not consent). */
  async recordConfirmationSent(
    email: string,
    fields: Pick<Subscriber, 'locale' | 'status' | 'confirmationTokenHash'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.upsert(Subscriber, { email, ...fields, confirmationSentAt: new Date() }, ['email']);
  }

  /** Follows a confirmation link within `days`: express consent, recorded now. Answers the address, or null. */
  async confirm(tokenHash: string, days: number): Promise<string | null> {
    const [rows] = await this.db().query<[{ email: string }[], number]>(
      `UPDATE subscribers SET status = 'subscribed', status_changed_at = now(), consent_source = 'subscribe form (double opt-in)',
              consent_at = now(), consent_method = 'express', consent_expires_at = NULL, confirmation_token_hash = NULL,
              bounce_reason = NULL, updated_at = now()
        WHERE confirmation_token_hash = $1 AND confirmation_sent_at > now() - make_interval(days => $2)
        RETURNING email`,
      [tokenHash, days],
    );
    return rows[0]?.email ?? null;
  }

  /** Unsubscribes an address; one without a row gets one that records the refusal. */
  async unsubscribe(email: string): Promise<void> {
    await this.db().query(
      `INSERT INTO subscribers (email, status, status_changed_at) VALUES ($1, 'unsubscribed', now())
       ON CONFLICT (email) DO UPDATE SET status = 'unsubscribed', status_changed_at = now(), confirmation_token_hash = NULL, updated_at = now()
        WHERE subscribers.status IN ('pending', 'subscribed')`,
      [email],
    );
  }

  /** The owner of an unsubscribed address, holding its link, consents anew. */
  async resubscribe(email: string): Promise<void> {
    await this.db().query(
      `UPDATE subscribers SET status = 'subscribed', status_changed_at = now(), consent_source = 'subscribed again from an unsubscribe link',
              consent_at = now(), consent_method = 'express', consent_expires_at = NULL, updated_at = now()
        WHERE email = $1 AND status = 'unsubscribed'`,
      [email],
    );
  }

  /** A member's rows other than their address stop being theirs. */
  async detachMember(userId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE subscribers SET user_id = NULL WHERE user_id = $1 AND email <> $2`, [userId, email]);
  }

  /** A member subscribes themself: express consent, their address row becomes theirs. */
  async subscribeMember(userId: string, email: string, locale: Locale, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO subscribers (email, locale, status, consent_source, consent_at, consent_method, user_id, status_changed_at)
       VALUES ($1, $2, 'subscribed', 'member account', now(), 'express', $3, now())
       ON CONFLICT (email) DO UPDATE SET status = 'subscribed', user_id = $3, consent_source = 'member account', consent_at = now(),
              consent_method = 'express', consent_expires_at = NULL, status_changed_at = now(), confirmation_token_hash = NULL,
              bounce_reason = NULL, updated_at = now()`,
      [email, locale, userId],
    );
  }

  async unsubscribeMember(userId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE subscribers SET status = 'unsubscribed', status_changed_at = now(), user_id = $2, updated_at = now()
        WHERE email = $1 AND status IN ('pending', 'subscribed')`,
      [email, userId],
    );
  }

  async suppress(id: string, status: SuppressionStatus, manager: EntityManager): Promise<void> {
    await manager.update(Subscriber, { id }, { status, statusChangedAt: new Date(), confirmationTokenHash: null });
  }

  /** Addresses whose server refused a mailing for good: suppressed for every later one (a row made if missing). */
  async markBounced(bounced: { email: string; reason: string }[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO subscribers (email, status, bounce_reason, status_changed_at)
       SELECT email, 'bounced', reason, now() FROM unnest($1::text[], $2::text[]) AS r(email, reason)
       ON CONFLICT (email) DO UPDATE SET status = 'bounced', bounce_reason = EXCLUDED.bounce_reason, status_changed_at = now(), updated_at = now()
        WHERE subscribers.status IN ('pending', 'subscribed')`,
      [bounced.map((o) => o.email), bounced.map((o) => o.reason)],
    );
  }

  /**
   * A report received later suppresses an address (a row made if missing: a group's member): `bounced` from
   * a list status, `complained` from anything but a complaint already. Answers the row's id when it changed.
   */
  async suppressByReport(
    email: string,
    status: 'bounced' | 'complained',
    reason: string | null,
    manager: EntityManager,
  ): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO subscribers (email, status, bounce_reason, status_changed_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (email) DO UPDATE SET status = EXCLUDED.status, bounce_reason = coalesce(EXCLUDED.bounce_reason, subscribers.bounce_reason),
              status_changed_at = now(), confirmation_token_hash = NULL, updated_at = now()
        WHERE subscribers.status IN ('pending', 'subscribed') OR (EXCLUDED.status = 'complained' AND subscribers.status <> 'complained')
       RETURNING id`,
      [email, status, reason],
    );
    return row?.id ?? null;
  }

  /** Imported rows, upserted; an address that refused mail is never touched. Says which rows were new. */
  upsertImported(rows: ImportedSubscriber[], manager: EntityManager): Promise<{ inserted: boolean }[]> {
    return manager.query(
      `INSERT INTO subscribers (email, locale, status, consent_source, consent_at, consent_method, consent_expires_at, status_changed_at)
       SELECT email, locale, 'subscribed', source, consent_at, method, expires_at, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[])
           AS row(email, locale, source, consent_at, method, expires_at)
       ON CONFLICT (email) DO UPDATE SET
              locale = EXCLUDED.locale, consent_source = EXCLUDED.consent_source, consent_at = EXCLUDED.consent_at,
              consent_method = EXCLUDED.consent_method, consent_expires_at = EXCLUDED.consent_expires_at,
              status = 'subscribed', confirmation_token_hash = NULL, updated_at = now(),
              status_changed_at = CASE WHEN subscribers.status = 'subscribed' THEN subscribers.status_changed_at ELSE now() END
        WHERE subscribers.status IN ('pending', 'subscribed')
          AND (subscribers.status, subscribers.locale, subscribers.consent_source, subscribers.consent_at, subscribers.consent_method, subscribers.consent_expires_at)
              IS DISTINCT FROM ('subscribed', EXCLUDED.locale, EXCLUDED.consent_source, EXCLUDED.consent_at, EXCLUDED.consent_method, EXCLUDED.consent_expires_at)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((row) => row.email),
        rows.map((row) => row.locale),
        rows.map((row) => row.consentSource),
        rows.map((row) => row.consentAt.toISOString()),
        rows.map((row) => row.consentMethod),
        rows.map((row) => row.consentExpiresAt?.toISOString() ?? null),
      ],
    );
  }

  async countsByStatus(): Promise<{ status: SubscriberStatus; count: number }[]> {
    return this.db().query(`SELECT status, count(*)::int AS count FROM subscribers GROUP BY status`);
  }

  /** Admins' list: `likeQ` an escaped LIKE pattern over addresses. */
  listQuery(filter: { likeQ?: string; status?: SubscriberStatus }): SelectQueryBuilder<Subscriber> {
    const builder = this.dataSource.getRepository(Subscriber).createQueryBuilder('subscriber');
    if (filter.likeQ) builder.andWhere(`subscriber.email LIKE :q ESCAPE '\\'`, { q: filter.likeQ });
    if (filter.status) builder.andWhere('subscriber.status = :status', { status: filter.status });
    return builder;
  }

  /** Every row with its consent record, dates as ISO text, oldest first (the CSV export). */
  exportRows(): Promise<Record<string, string | null>[]> {
    return this.db().query(
      `SELECT email, locale, status, consent_source, to_char(consent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_at,
              consent_method, to_char(consent_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_expires_at,
              CASE WHEN user_id IS NULL THEN 'no' ELSE 'yes' END AS member
         FROM subscribers ORDER BY created_at, id`,
    );
  }
}
