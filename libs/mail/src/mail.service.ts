import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '@harbour/jobs';
import { DeliveredMailRepository } from './delivered-mail.repository';
import { deliverOnce, pruneDeliveredKeys, withDeliveryKey } from './deliver-once';
import { MailTransport, type OutgoingMail } from './mail.transport';

export const SEND_MAIL_JOB = 'mail.send';
const PRUNE_DELIVERED_JOB = 'mail.prune-delivered';
const MAIL_BATCH_SIZE = 10;
const MAIL_WORKERS = 3;
const MAIL_JOB_EXPIRY_SECONDS = 300;

/** Every email leaves through here: queued durably, delivered by a worker, retried with backoff. */
@Injectable()
export class MailService {
  constructor(
    private readonly jobs: JobQueue,
    transport: MailTransport,
    delivered: DeliveredMailRepository,
  ) {
    // Batches taken by several workers at once: twenty password resets go out together, not one per poll.
    // A job whose worker died is retried once it expires (pg-boss's default is 15 minutes: a password reset
    // that late is useless); the transport's timeouts end any real send well before (see MailTransport).
    jobs.define({
      name: SEND_MAIL_JOB,
      retryLimit: 8,
      retryDelay: 30,
      batchSize: MAIL_BATCH_SIZE,
      workers: MAIL_WORKERS,
      expireInSeconds: MAIL_JOB_EXPIRY_SECONDS,
    });
    jobs.handle(SEND_MAIL_JOB, (mail) => deliverOnce(delivered, transport, mail));
    jobs.define({ name: PRUNE_DELIVERED_JOB, retryLimit: 1, retryDelay: 600 });
    jobs.handle(PRUNE_DELIVERED_JOB, () => pruneDeliveredKeys(delivered));
    jobs.schedule(PRUNE_DELIVERED_JOB, '23 4 * * *');
  }

  /** Queues a message; with `manager`, inside that transaction (sent only if it commits). */
  async enqueue(mail: OutgoingMail, manager?: EntityManager): Promise<void> {
    await this.jobs.send(SEND_MAIL_JOB, withDeliveryKey(mail), { manager });
  }

  /** Queues many messages in one insert (an alert to a thousand members): each its own job, retried on its own. */
  async enqueueMany(mails: OutgoingMail[], manager?: EntityManager): Promise<void> {
    await this.jobs.sendMany(SEND_MAIL_JOB, mails.map(withDeliveryKey), { manager });
  }
}
