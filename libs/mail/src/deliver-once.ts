import { randomUUID } from 'node:crypto';
import type { OutgoingMail, QueuedMail } from '@harbour/contracts';
import type { DeliveredMailRepository } from './delivered-mail.repository';
import type { MailTransport } from './mail.transport';

/** A message as queued (`QueuedMail`, the mail job's payload): with the key that makes its delivery happen once however often its job runs. */
export type { QueuedMail };

/** How long a delivered key is kept: pg-boss's last retry of a mail job comes within hours. */
const KEEP_DAYS = 14;

export function withDeliveryKey(mail: OutgoingMail): QueuedMail {
  return { ...mail, deliveryKey: randomUUID() };
}

/**
 * Delivers a queued message unless an earlier run of its job already did. The key is written the moment
 * the SMTP server accepts the message, before the job is marked done, so a worker killed in between (or a
 * batch of jobs settled late) leaves the key behind and the retry skips the message. Only a death in the
 * few milliseconds between the server's "250 OK" and this write can still send a second copy: a lost
 * password reset or sanction notice would be worse than that rare duplicate.
 */
export async function deliverOnce(delivered: DeliveredMailRepository, transport: MailTransport, queued: QueuedMail): Promise<void> {
  const { deliveryKey, ...mail } = queued;
  if (!deliveryKey) return transport.deliver(mail); // queued before keys existed
  if (await delivered.isDelivered(deliveryKey)) return;
  await transport.deliver(mail);
  await delivered.record(deliveryKey);
}

/** Forgets keys older than KEEP_DAYS (their jobs can no longer run again). */
export function pruneDeliveredKeys(delivered: DeliveredMailRepository): Promise<void> {
  return delivered.pruneOlderThan(KEEP_DAYS);
}
