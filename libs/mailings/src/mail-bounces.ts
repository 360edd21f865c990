import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UserRepository } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { InboundMail, type InboundMessage, type InboundVerdict } from '@harbour/inbound';
import { openBounceToken } from '@harbour/mail';
import { readMailReport, type MailReport } from './mail-report';
import { MailingDeliveryRepository } from './mailing-delivery.repository';
import { SubscriberRepository } from './subscriber.repository';

/** Copies to one address that failed for now, reported later, before the address is suppressed as bounced. */
export const SOFT_BOUNCES_TO_SUPPRESS = 3;

const ACCEPTED: InboundVerdict = { accepted: true };
/** The same words whatever was wrong: a prober learns nothing about which tokens or rows exist. */
const NO_SUCH_ADDRESS: InboundVerdict = { accepted: false, code: 550, message: 'No such address' };

type Report = Exclude<MailReport, { kind: 'other' }>;

/**
 * Reports about mail we sent, received at its return path `bounce+<token>@REPLY_DOMAIN` (VERP: the token names
 * a mailing's copy or a member): a permanent failure or a complaint stops mail to that address at once, three
 * copies failed for now do too. Anything else sent there (a person's reply, an auto-reply, a success notice)
 * is accepted and dropped, never answered, so we send no backscatter. Every change happens once however often
 * a report is sent, is logged without the address, and lands in the moderation log with no actor.
 */
@Injectable()
export class MailBounces implements OnModuleInit {
  private readonly logger = new Logger('Bounces');

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundMail,
    private readonly deliveries: MailingDeliveryRepository,
    private readonly subscribers: SubscriberRepository,
    private readonly users: UserRepository,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  onModuleInit(): void {
    this.inbound.handle('bounce', (message) => this.receive(message));
  }

  async receive(message: InboundMessage): Promise<InboundVerdict> {
    const report = readMailReport(message.parsed, message.raw);
    const secret = this.config.sessionSecret ?? '';
    // The report's copy of our original, when it carries its return path, says whose mail it was more surely than
    // the address the report came to: a feedback loop writes to one fixed address, a forwarded report may reach
    // another return path. Without it, the address the report came to.
    const embedded = report.kind !== 'other' && report.embeddedToken ? openBounceToken(secret, report.embeddedToken) : null;
    const target = embedded ?? openBounceToken(secret, message.token);
    if (!target) return NO_SUCH_ADDRESS;
    if (report.kind === 'other') {
      this.logger.log(`Not a report (a reply or an auto-reply): dropped`);
      return ACCEPTED;
    }
    const known = await this.dataSource.transaction((manager) =>
      'deliveryId' in target ? this.forDelivery(target.deliveryId, report, manager) : this.forMember(target.userId, report, manager),
    );
    return known ? ACCEPTED : NO_SUCH_ADDRESS;
  }

  /** A mailing's copy. Answers false when the copy is gone (its mailing deleted). */
  private async forDelivery(id: string, report: Report, manager: EntityManager): Promise<boolean> {
    if (report.kind === 'soft') {
      const counted = await this.deliveries.recordSoftBounce(id, manager);
      if (!counted) return this.deliveries.exists(id, manager);
      this.logger.log(`soft bounce (${report.status}) of mailing ${counted.mailingId}, copy ${id}: ${counted.count} for this address`);
      if (counted.count >= SOFT_BOUNCES_TO_SUPPRESS) {
        const reason = `${SOFT_BOUNCES_TO_SUPPRESS} copies failed for now; last: ${report.diagnostic}`.slice(0, 300);
        await this.suppress(counted.email, 'bounced', reason, manager);
      }
      return true;
    }
    const status = report.kind === 'hard' ? 'bounced' : 'complained';
    const reason = report.kind === 'complaint' ? null : report.diagnostic;
    const changed = await this.deliveries.recordReport(id, status, reason, manager);
    if (!changed) return this.deliveries.exists(id, manager);
    this.logger.log(
      `${status} (${report.kind === 'complaint' ? report.feedbackType : report.status}): mailing ${changed.mailingId}, copy ${id}`,
    );
    await this.suppress(changed.email, status, reason, manager);
    // A dead mailbox is dead for the member's notifications too; a complaint about the list is not about those.
    if (status === 'bounced') await this.memberProblem({ email: changed.email }, 'bounced', manager);
    return true;
  }

  private async forMember(userId: string, report: Report, manager: EntityManager): Promise<boolean> {
    if (report.kind === 'soft') {
      // The relay retries a member's mail for days itself and reports when it gives up: nothing to count here.
      this.logger.log(`soft bounce (${report.status}) of member ${userId}'s mail: noted, nothing changes`);
      return true;
    }
    const changed = await this.memberProblem({ id: userId }, report.kind === 'hard' ? 'bounced' : 'complained', manager);
    return changed || (await this.users.findById(userId, manager)) !== null;
  }

  private async suppress(email: string, status: 'bounced' | 'complained', reason: string | null, manager: EntityManager): Promise<void> {
    const subscriberId = await this.subscribers.suppressByReport(email, status, reason, manager);
    if (!subscriberId) return;
    this.logger.log(`subscriber ${subscriberId} ${status}`);
    await audit(manager, {
      actorId: null,
      action: `subscriber.${status}`,
      targetType: 'subscriber',
      targetId: subscriberId,
      reason: 'reported by mail',
    });
  }

  private async memberProblem(
    where: { id: string } | { email: string },
    kind: 'bounced' | 'complained',
    manager: EntityManager,
  ): Promise<boolean> {
    const ids = await this.users.recordEmailProblem(where, kind, manager);
    for (const id of ids) {
      this.logger.log(`member ${id}: email ${kind}`);
      await audit(manager, { actorId: null, action: `user.email_${kind}`, targetType: 'user', targetId: id, reason: 'reported by mail' });
    }
    return ids.length > 0;
  }
}
