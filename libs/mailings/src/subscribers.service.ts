import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { Caller } from '@harbour/access';
import { DomainEvents, InvalidInputError, NotFoundError, hashToken, isUuid, newToken, paginateNewestFirst } from '@harbour/common';
import { SUBSCRIBER_STATUSES } from '@harbour/contracts';
import type { Locale, MailingAddressStateDto, PageDto, SubscriberDto, SubscriberStatus, SuppressionStatus } from '@harbour/contracts';
import { MailService, subscriptionConfirmationMail } from '@harbour/mail';
import { RateLimiter } from '@harbour/settings';
import { mailable, normalizeEmail } from './email-address';
import { MailingRenderer } from './mailing-renderer';
import { openAddress } from './mailing-token';
import { toSubscriberDto } from './mailings.mappers';
import type { SubscribeDto, SubscribersQueryDto } from './mailings.dtos';
import { Subscriber } from './subscriber.entity';

/** A confirmation link works for a week; a second request within ten minutes sends no second email. */
const CONFIRMATION_DAYS = 7;
const CONFIRMATION_RESEND_MINUTES = 10;
/** Public subscriptions per client address per hour: the form must not become a way to mail strangers. */
const SUBSCRIBE_PER_HOUR = 10;

/**
 * The mailing list's addresses: the public form with double opt-in, the unsubscribe link (no account, one
 * click), a member's own subscription, and the admins' list. Answers never tell a visitor whether an
 * address is on the list.
 */
@Injectable()
export class SubscribersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Subscriber) private readonly subscribers: Repository<Subscriber>,
    private readonly mail: MailService,
    private readonly renderer: MailingRenderer,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Starts a double opt-in: a pending address gets a confirmation link and nothing else until it is
   * followed. An address already subscribed (or that complained) gets nothing, and the answer is the same
   * 202 either way, so the form cannot be used to learn who is on the list.
   */
  async subscribe(dto: SubscribeDto, clientAddress: string): Promise<void> {
    await this.limiter.consume('mailing.subscribe', clientAddress, SUBSCRIBE_PER_HOUR, 3600);
    const email = mailable(dto.email);
    const locale = dto.locale ?? 'en';
    const token = newToken();
    await this.dataSource.transaction(async (manager) => {
      // A new address's row is made first, so that two requests at once queue on its lock and one link goes.
      await manager.query(`INSERT INTO subscribers (email, locale) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING`, [email, locale]);
      const existing = await manager.findOne(Subscriber, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (existing && (existing.status === 'subscribed' || existing.status === 'complained')) return;
      const recent =
        existing?.confirmationSentAt && Date.now() - existing.confirmationSentAt.getTime() < CONFIRMATION_RESEND_MINUTES * 60_000;
      if (recent) return;
      // An unsubscribed or bounced address keeps its status until the link is followed: asking is not consent.
      await manager.upsert(
        Subscriber,
        {
          email,
          locale: existing?.locale ?? locale,
          status: existing?.status ?? 'pending',
          confirmationTokenHash: hashToken(token),
          confirmationSentAt: new Date(),
        },
        ['email'],
      );
      const sender = await this.renderer.sender();
      await this.mail.enqueue(subscriptionConfirmationMail(email, locale, sender.name, this.renderer.confirmationLink(token)), manager);
    });
  }

  /** Follows a confirmation link: the address is subscribed with express consent, recorded now. */
  async confirm(token: string | undefined): Promise<MailingAddressStateDto> {
    if (!token) throw new InvalidInputError('token is required');
    const rows: [Subscriber[], number] = await this.dataSource.query(
      `UPDATE subscribers SET status = 'subscribed', status_changed_at = now(), consent_source = 'subscribe form (double opt-in)',
              consent_at = now(), consent_method = 'express', consent_expires_at = NULL, confirmation_token_hash = NULL,
              bounce_reason = NULL, updated_at = now()
        WHERE confirmation_token_hash = $1 AND confirmation_sent_at > now() - make_interval(days => $2)
        RETURNING email`,
      [hashToken(token), CONFIRMATION_DAYS],
    );
    const row = rows[0][0];
    if (!row) throw new NotFoundError();
    return { email: row.email, status: 'subscribed' };
  }

  /** What an unsubscribe link's address is now; changes nothing (mail scanners open links). */
  addressState(token: string | undefined): Promise<MailingAddressStateDto> {
    return this.stateOf(this.addressOf(token));
  }

  /**
   * The unsubscribe link and the RFC 8058 one-click POST: works at once, without an account, for any
   * address a mailing went to. An address with no row yet (a group's member) gets one that records the
   * refusal, so later mailings skip it too.
   */
  async unsubscribe(token: string | undefined): Promise<MailingAddressStateDto> {
    const email = this.addressOf(token);
    await this.dataSource.query(
      `INSERT INTO subscribers (email, status, status_changed_at) VALUES ($1, 'unsubscribed', now())
       ON CONFLICT (email) DO UPDATE SET status = 'unsubscribed', status_changed_at = now(), confirmation_token_hash = NULL, updated_at = now()
        WHERE subscribers.status IN ('pending', 'subscribed')`,
      [email],
    );
    return this.stateOf(email);
  }

  /** "Subscribe me again" on the unsubscribe page: the address's owner, holding its link, consents anew. */
  async resubscribe(token: string | undefined): Promise<MailingAddressStateDto> {
    const email = this.addressOf(token);
    await this.dataSource.query(
      `UPDATE subscribers SET status = 'subscribed', status_changed_at = now(), consent_source = 'subscribed again from an unsubscribe link',
              consent_at = now(), consent_method = 'express', consent_expires_at = NULL, updated_at = now()
        WHERE email = $1 AND status = 'unsubscribed'`,
      [email],
    );
    return this.stateOf(email);
  }

  /** Whether the signed-in member receives the mailings. */
  async mine(caller: Caller): Promise<{ subscribed: boolean }> {
    const row = await this.subscribers.findOne({ where: { userId: caller.userId }, select: { status: true } });
    return { subscribed: row?.status === 'subscribed' };
  }

  /**
   * A member subscribes with one click: they are signed in and ask themselves, which is express consent
   * without a confirmation email. Their address row (if the list already had it) becomes theirs.
   */
  async setMine(caller: Caller, subscribed: boolean): Promise<{ subscribed: boolean }> {
    await this.dataSource.transaction(async (manager) => {
      const user: { email: string; locale: Locale }[] = await manager.query(`SELECT email, locale FROM users WHERE id = $1`, [
        caller.userId,
      ]);
      const email = normalizeEmail(user[0]?.email ?? '');
      if (!email) throw new InvalidInputError('your account’s email address cannot receive mailings');
      await manager.query(`UPDATE subscribers SET user_id = NULL WHERE user_id = $1 AND email <> $2`, [caller.userId, email]);
      if (subscribed) await this.subscribeMember(manager, caller.userId, email, user[0]!.locale);
      else {
        await manager.query(
          `UPDATE subscribers SET status = 'unsubscribed', status_changed_at = now(), user_id = $2, updated_at = now()
            WHERE email = $1 AND status IN ('pending', 'subscribed')`,
          [email, caller.userId],
        );
      }
    });
    return this.mine(caller);
  }

  /**
   * An admin stops mail to an address: its owner asked by phone, their provider forwarded a complaint, or
   * it bounces elsewhere. Never the other way: consent comes from the address's owner or an import's record.
   */
  async suppress(caller: Caller, id: string, status: SuppressionStatus): Promise<SubscriberDto> {
    const row = isUuid(id) ? await this.subscribers.findOneBy({ id }) : null;
    if (!row) throw new NotFoundError();
    if (row.status !== status) {
      await this.subscribers.update({ id }, { status, statusChangedAt: new Date(), confirmationTokenHash: null });
      this.events.publish('StaffActed', { actorId: caller.userId, action: `subscriber.${status}`, targetType: 'subscriber', targetId: id });
    }
    return toSubscriberDto(await this.subscribers.findOneByOrFail({ id }));
  }

  /** How many addresses stand in each status (the list's heading). */
  async counts(): Promise<Record<SubscriberStatus, number>> {
    const rows = await this.dataSource.query<{ status: SubscriberStatus; count: number }[]>(
      `SELECT status, count(*)::int AS count FROM subscribers GROUP BY status`,
    );
    const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map((status) => [status, 0])) as Record<SubscriberStatus, number>;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  async list(query: SubscribersQueryDto): Promise<PageDto<SubscriberDto>> {
    const builder = this.subscribers.createQueryBuilder('subscriber');
    if (query.q) builder.andWhere(`subscriber.email LIKE :q ESCAPE '\\'`, { q: `%${query.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` });
    if (query.status) builder.andWhere('subscriber.status = :status', { status: query.status });
    return paginateNewestFirst(builder, query, 'createdAt', toSubscriberDto);
  }

  /** The whole list as CSV, with the consent records, in the import's column names (plus status and member). */
  async exportCsv(): Promise<string> {
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT email, locale, status, consent_source, to_char(consent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_at,
              consent_method, to_char(consent_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_expires_at,
              CASE WHEN user_id IS NULL THEN 'no' ELSE 'yes' END AS member
         FROM subscribers ORDER BY created_at, id`,
    );
    const columns = ['email', 'locale', 'status', 'consent_source', 'consent_at', 'consent_method', 'consent_expires_at', 'member'];
    return [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column] ?? '')).join(','))].join('\r\n') + '\r\n';
  }

  private async subscribeMember(manager: EntityManager, userId: string, email: string, locale: Locale): Promise<void> {
    await manager.query(
      `INSERT INTO subscribers (email, locale, status, consent_source, consent_at, consent_method, user_id, status_changed_at)
       VALUES ($1, $2, 'subscribed', 'member account', now(), 'express', $3, now())
       ON CONFLICT (email) DO UPDATE SET status = 'subscribed', user_id = $3, consent_source = 'member account', consent_at = now(),
              consent_method = 'express', consent_expires_at = NULL, status_changed_at = now(), confirmation_token_hash = NULL,
              bounce_reason = NULL, updated_at = now()`,
      [email, locale, userId],
    );
  }

  private async stateOf(email: string): Promise<MailingAddressStateDto> {
    const row = await this.subscribers.findOne({ where: { email }, select: { status: true } });
    return { email, status: row?.status ?? 'none' };
  }

  private addressOf(token: string | undefined): string {
    const email = token ? openAddress(this.renderer.tokenSecret(), token) : null;
    if (!email) throw new InvalidInputError('token is not a valid unsubscribe link');
    return email;
  }
}

/** A CSV field, quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
