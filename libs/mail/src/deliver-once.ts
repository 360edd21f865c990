import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MailTransport, OutgoingMail } from './mail.transport';

/** A message as queued: with the key that makes its delivery happen once however often its job runs. */
export type QueuedMail = OutgoingMail & { deliveryKey?: string };

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
export async function deliverOnce(dataSource: DataSource, transport: MailTransport, queued: QueuedMail): Promise<void> {
  const { deliveryKey, ...mail } = queued;
  if (!deliveryKey) return transport.deliver(mail); // queued before keys existed
  const [done] = await dataSource.query<unknown[]>('SELECT 1 FROM delivered_mail WHERE key = $1', [deliveryKey]);
  if (done) return;
  await transport.deliver(mail);
  await dataSource.query('INSERT INTO delivered_mail (key) VALUES ($1) ON CONFLICT (key) DO NOTHING', [deliveryKey]);
}

/** Forgets keys older than KEEP_DAYS (their jobs can no longer run again). */
export async function pruneDeliveredKeys(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM delivered_mail WHERE delivered_at < now() - make_interval(days => $1)`, [KEEP_DAYS]);
}
