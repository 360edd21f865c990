import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MicroBatch } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { Locale } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { MailTransport, type MailingContent } from '@harbour/mail';
import { MailingDeliveryRepository, type ClaimedDelivery } from './mailing-delivery.repository';
import type { Mailing } from './mailing.entity';
import { MailingRepository } from './mailing.repository';
import { MailingRenderer, type SenderIdentity } from './mailing-renderer';
import { Pacer } from './pacer';
import { smtpOutcome } from './smtp-outcome';
import { SubscriberRepository } from './subscriber.repository';

export const DELIVER_MAILING_JOB = 'mailing.deliver';
const SWEEP_MAILINGS_JOB = 'mailing.sweep';
/** Messages in flight at once, as many as the pooled SMTP connections; also the most a crash can leave in doubt. */
const IN_FLIGHT = 8;
/** A temporarily refused message is tried this many times in all, then counted failed. */
const MAX_ATTEMPTS = 5;

type Outcome = { id: string; email: string; kind: 'sent' } | { id: string; email: string; kind: 'temporary' | 'permanent'; reason: string };

/**
 * Delivers mailings, in the worker. The delivery rows are the truth and pg-boss only wakes a sender:
 *
 * - one sender per mailing, whatever the number of workers: it holds a PostgreSQL advisory lock for as
 *   long as it sends, on a connection of its own, so the lock dies with its process;
 * - rows are claimed (queued → sending, committed) before their messages go to SMTP and marked sent
 *   just after, so a crash can only leave rows in `sending`; the next sender, holding the lock, knows their
 *   worker is dead and marks them `interrupted` instead of sending them again (exactly once, or, for the
 *   handful a crash catches mid-handover, at most once);
 * - a sweep every minute, and once when a worker starts, wakes the sender of every mailing that should
 *   be moving (a crashed one resumes where it stopped; a scheduled one starts on time).
 */
@Injectable()
export class MailingSender implements OnModuleDestroy {
  private readonly logger = new Logger('Mailings');
  private readonly pacer: Pacer;
  private stopping = false;
  /** The mailing this process is sending, if any: shutdown waits for its messages in flight. */
  private active: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailings: MailingRepository,
    private readonly deliveries: MailingDeliveryRepository,
    private readonly subscribers: SubscriberRepository,
    private readonly jobs: JobQueue,
    private readonly transport: MailTransport,
    private readonly renderer: MailingRenderer,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    this.pacer = new Pacer(config.mailingRate);
    // A sender may run for the whole mailing (34,000 at 20/s is half an hour): never count it lost.
    jobs.define({ name: DELIVER_MAILING_JOB, retryLimit: 5, retryDelay: 10, expireInSeconds: 12 * 3600 });
    jobs.define({ name: SWEEP_MAILINGS_JOB, retryLimit: 1, retryDelay: 30 });
    jobs.handle(DELIVER_MAILING_JOB, ({ mailingId }) => this.deliver(mailingId));
    jobs.handle(SWEEP_MAILINGS_JOB, () => this.sweep());
    jobs.schedule(SWEEP_MAILINGS_JOB, '* * * * *');
    jobs.runAtWorkerStart(SWEEP_MAILINGS_JOB);
  }

  /** A deploy: finish the messages already handed over (≤ 8), leave the rest queued, then close the SMTP pool. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.active?.catch(() => undefined);
    this.transport.close();
  }

  /** Wakes the sender of a mailing (inside `manager`'s transaction when given), now or after `startAfter` seconds. */
  async wake(mailingId: string, options: { manager?: EntityManager; startAfter?: number } = {}): Promise<void> {
    await this.jobs.send(DELIVER_MAILING_JOB, { mailingId }, options);
  }

  /** Moves a mailing to `sending` and writes its recipients, in the caller's transaction. */
  async start(manager: EntityManager, mailing: Mailing): Promise<void> {
    const total = await this.deliveries.writeRecipients(mailing, manager);
    await this.mailings.markSending(mailing.id, total, manager);
  }

  private async sweep(): Promise<void> {
    for (const id of await this.mailings.dueIds()) await this.wake(id);
  }

  private async deliver(mailingId: string): Promise<void> {
    // Not locked: another worker is sending it, and its own lock says it is alive.
    await this.mailings.whileSenderOf(mailingId, async () => {
      try {
        this.active = this.run(mailingId);
        await this.active;
      } finally {
        this.active = null;
      }
    });
  }

  private async run(mailingId: string): Promise<void> {
    const mailing = await this.mailings.findById(mailingId);
    if (!mailing) return;
    if (mailing.status === 'scheduled') {
      if (!mailing.scheduledAt || mailing.scheduledAt.getTime() > Date.now()) return; // moved or not yet due
      await this.dataSource.transaction((manager) => this.start(manager, mailing));
    } else if (mailing.status !== 'sending') {
      return;
    }
    // Holding the lock, any row still `sending` was being handed over when its worker died.
    await this.deliveries.markInterrupted(mailingId);
    const sender = await this.renderer.sender();
    const contents: Record<Locale, MailingContent> = { en: this.renderer.content(mailing, 'en'), fr: this.renderer.content(mailing, 'fr') };
    const outcomes = new MicroBatch<Outcome>(
      (batch) => this.record(batch),
      (error) => this.logger.error(`Recording mailing outcomes failed (those rows will count as interrupted): ${String(error)}`),
      { delayMs: 50, maxItems: 200 },
    );
    for (;;) {
      // Claim only what goes out at once: a claimed row is in doubt if the worker dies, sent or not.
      const claimed = this.stopping ? [] : await this.deliveries.claim(mailingId, IN_FLIGHT);
      if (claimed.length === 0) break;
      await this.sendAll(claimed, mailing, contents, sender, outcomes);
      await outcomes.drain();
    }
    await outcomes.drain();
    if (!this.stopping) await this.finishOrWait(mailingId);
  }

  private async sendAll(
    claimed: ClaimedDelivery[],
    mailing: Mailing,
    contents: Record<Locale, MailingContent>,
    sender: SenderIdentity,
    outcomes: MicroBatch<Outcome>,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const unsent: string[] = [];
    for (const row of claimed) {
      // Stopping (a deploy): what has not been handed to SMTP yet goes back to the queue for the next worker.
      if (this.stopping) {
        unsent.push(row.id);
        continue;
      }
      await this.pacer.wait();
      while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      const message = this.renderer.message(row.email, contents[row.locale] ?? contents.en, sender, mailing, row.id);
      const sending: Promise<void> = this.transport.deliverBulk(message).then(
        () => outcomes.add({ id: row.id, email: row.email, kind: 'sent' }),
        (error: unknown) => outcomes.add({ id: row.id, email: row.email, ...smtpOutcome(error) }),
      );
      const tracked = sending.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    if (unsent.length > 0) {
      await this.deliveries.requeue(unsent);
    }
  }

  /** Writes a batch of outcomes: sent, retried later (or failed after the last try), or bounced and suppressed. */
  private async record(batch: Outcome[]): Promise<void> {
    const sent = batch.filter((o) => o.kind === 'sent').map((o) => o.id);
    const retry = batch.filter((o): o is Extract<Outcome, { reason: string }> => o.kind === 'temporary');
    const bounced = batch.filter((o): o is Extract<Outcome, { reason: string }> => o.kind === 'permanent');
    if (sent.length > 0) await this.deliveries.markSent(sent);
    if (retry.length > 0) await this.deliveries.retryLater(retry, MAX_ATTEMPTS, this.config.mailingRetrySeconds);
    if (bounced.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        await this.deliveries.markBounced(bounced, manager);
        // The address is suppressed for every later mailing; a group member without a row gets one.
        await this.subscribers.markBounced(bounced, manager);
      });
    }
  }

  /** Done when nothing waits; otherwise the sender wakes again when the next retry is due. */
  private async finishOrWait(mailingId: string): Promise<void> {
    const seconds = await this.deliveries.secondsToNextAttempt(mailingId);
    if (seconds !== null) {
      await this.wake(mailingId, { startAfter: Math.max(1, seconds) });
      return;
    }
    await this.mailings.finish(mailingId);
    this.logger.log(`Mailing ${mailingId} finished`);
  }
}
