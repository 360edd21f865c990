import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import { UserRepository } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import { InvalidInputError, NotFoundError, hashToken, isUuid, newToken, paginateNewestFirst } from '@harbour/common';
import { SUBSCRIBER_STATUSES } from '@harbour/contracts';
import type { MailingAddressStateDto, PageDto, SubscriberDto, SubscriberStatus, SuppressionStatus } from '@harbour/contracts';
import { MailService, subscriptionConfirmationMail } from '@harbour/mail';
import { RateLimiter } from '@harbour/settings';
import { mailable, normalizeEmail } from './email-address';
import { MailingRenderer } from './mailing-renderer';
import { openAddress } from './mailing-token';
import { toSubscriberDto } from './mailings.mappers';
import type { SubscribeDto, SubscribersQueryDto } from './mailings.dtos';
import { SubscriberRepository } from './subscriber.repository';

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
    private readonly subscribers: SubscriberRepository,
    private readonly users: UserRepository,
    private readonly mail: MailService,
    private readonly renderer: MailingRenderer,
    private readonly limiter: RateLimiter,
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
      const existing = await this.subscribers.lockOrCreate(email, locale, manager);
      if (existing && (existing.status === 'subscribed' || existing.status === 'complained')) return;
      const recent =
        existing?.confirmationSentAt && Date.now() - existing.confirmationSentAt.getTime() < CONFIRMATION_RESEND_MINUTES * 60_000;
      if (recent) return;
      // An unsubscribed or bounced address keeps its status until the link is followed: asking is not consent.
      await this.subscribers.recordConfirmationSent(
        email,
        { locale: existing?.locale ?? locale, status: existing?.status ?? 'pending', confirmationTokenHash: hashToken(token) },
        manager,
      );
      const sender = await this.renderer.sender();
      await this.mail.enqueue(subscriptionConfirmationMail(email, locale, sender.name, this.renderer.confirmationLink(token)), manager);
    });
  }

  /** Follows a confirmation link: the address is subscribed with express consent, recorded now. */
  async confirm(token: string | undefined): Promise<MailingAddressStateDto> {
    if (!token) throw new InvalidInputError('token is required');
    const email = await this.subscribers.confirm(hashToken(token), CONFIRMATION_DAYS);
    if (!email) throw new NotFoundError();
    return { email, status: 'subscribed' };
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
    await this.subscribers.unsubscribe(email);
    return this.stateOf(email);
  }

  /** "Subscribe me again" on the unsubscribe page: the address's owner, holding its link, consents anew. */
  async resubscribe(token: string | undefined): Promise<MailingAddressStateDto> {
    const email = this.addressOf(token);
    await this.subscribers.resubscribe(email);
    return this.stateOf(email);
  }

  /** Whether the signed-in member receives the mailings. */
  async mine(caller: Caller): Promise<{ subscribed: boolean }> {
    return { subscribed: (await this.subscribers.statusOf({ userId: caller.userId })) === 'subscribed' };
  }

  /**
   * A member subscribes with one click: they are signed in and ask themselves, which is express consent
   * without a confirmation email. Their address row (if the list already had it) becomes theirs.
   */
  async setMine(caller: Caller, subscribed: boolean): Promise<{ subscribed: boolean }> {
    await this.dataSource.transaction(async (manager) => {
      // The account row held first: a click racing the member's deletion waits for it, then finds them gone
      // (401), rather than putting their address back on the list behind the erasure.
      await this.users.holdWriter(caller.userId, manager);
      const contact = await this.users.contactOf(caller.userId, manager);
      const email = normalizeEmail(contact?.email ?? '');
      if (!contact || !email) throw new InvalidInputError('your account’s email address cannot receive mailings');
      await this.subscribers.detachMember(caller.userId, email, manager);
      if (subscribed) await this.subscribers.subscribeMember(caller.userId, email, contact.locale, manager);
      else await this.subscribers.unsubscribeMember(caller.userId, email, manager);
    });
    return this.mine(caller);
  }

  /**
   * An admin stops mail to an address: its owner asked by phone, their provider forwarded a complaint, or
   * it bounces elsewhere. Never the other way: consent comes from the address's owner or an import's record.
   */
  async suppress(caller: Caller, id: string, status: SuppressionStatus): Promise<SubscriberDto> {
    const row = isUuid(id) ? await this.subscribers.findById(id) : null;
    if (!row) throw new NotFoundError();
    if (row.status !== status) {
      await this.dataSource.transaction(async (manager) => {
        await this.subscribers.suppress(id, status, manager);
        await audit(manager, { actorId: caller.userId, action: `subscriber.${status}`, targetType: 'subscriber', targetId: id });
      });
    }
    const changed = await this.subscribers.findById(id);
    if (!changed) throw new NotFoundError();
    return toSubscriberDto(changed);
  }

  /** How many addresses stand in each status (the list's heading). */
  async counts(): Promise<Record<SubscriberStatus, number>> {
    const rows = await this.subscribers.countsByStatus();
    const counts = Object.fromEntries(SUBSCRIBER_STATUSES.map((status) => [status, 0])) as Record<SubscriberStatus, number>;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  async list(query: SubscribersQueryDto): Promise<PageDto<SubscriberDto>> {
    const likeQ = query.q ? `%${query.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : undefined;
    const builder = this.subscribers.listQuery({ likeQ, status: query.status });
    return paginateNewestFirst(builder, query, 'createdAt', toSubscriberDto);
  }

  /** The whole list as CSV, with the consent records, in the import's column names (plus status and member). */
  async exportCsv(): Promise<string> {
    const rows = await this.subscribers.exportRows();
    const columns = ['email', 'locale', 'status', 'consent_source', 'consent_at', 'consent_method', 'consent_expires_at', 'member'];
    return [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column] ?? '')).join(','))].join('\r\n') + '\r\n';
  }

  private async stateOf(email: string): Promise<MailingAddressStateDto> {
    return { email, status: (await this.subscribers.statusOf({ email })) ?? 'none' };
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
