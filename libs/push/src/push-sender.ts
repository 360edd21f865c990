import { Injectable, Logger } from '@nestjs/common';
import webpush from 'web-push';
import { DomainEvents } from '@harbour/common';
import type { PushMessage } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { NotificationPushContent } from '@harbour/notifications';
import { PushKeys } from './push-keys.service';
import { PushRepository, type StoredSubscription } from './push.repository';

export const PUSH_JOB = 'push.send';
/** How long a push service keeps a message for a device that is off: after half a day it is old news. */
const TTL_SECONDS = 12 * 3600;
/** How long one push service may take to answer before the job is retried. */
const TIMEOUT_MS = 10_000;

/**
 * Sends each new in-app notification to its member's devices: one durable job per device (a retry never
 * sends twice to the others), deciding the words when it runs (NotificationPushContent checks the member
 * may still see it). Encrypted (aes128gcm) and signed (VAPID) by web-push; posted with fetch, which also
 * reaches the http endpoints a development site allows. A device whose push service answers 404 or 410 is
 * gone: its subscription is forgotten.
 */
@Injectable()
export class PushSender {
  private readonly logger = new Logger('Push');

  constructor(
    private readonly jobs: JobQueue,
    private readonly repository: PushRepository,
    private readonly keys: PushKeys,
    private readonly content: NotificationPushContent,
    events: DomainEvents,
  ) {
    jobs.define({ name: PUSH_JOB, retryLimit: 3, retryDelay: 30, expireInSeconds: 60 });
    jobs.handle(PUSH_JOB, (job) => this.send(job.notificationId, job.subscriptionId));
    events.on('NotificationsCreated', ({ items }) => this.enqueue(items));
  }

  private async enqueue(items: { id: string; userId: string }[]): Promise<void> {
    const devices = await this.repository.ofMembers([...new Set(items.map((item) => item.userId))]);
    if (devices.length === 0) return;
    const byMember = new Map<string, string[]>();
    for (const device of devices) byMember.set(device.userId, [...(byMember.get(device.userId) ?? []), device.id]);
    await this.jobs.sendMany(
      PUSH_JOB,
      items.flatMap((item) => (byMember.get(item.userId) ?? []).map((subscriptionId) => ({ notificationId: item.id, subscriptionId }))),
    );
  }

  async send(notificationId: string, subscriptionId: string): Promise<void> {
    const subscription = await this.repository.find(subscriptionId);
    if (!subscription) return;
    const message = await this.content.of(notificationId, subscription.userId);
    if (!message) return;
    await this.deliver(subscription, message);
  }

  /**
   * Posts one message to one device (alerts push their own through here). Throws when the push service is
   * throttled or down, for the job to retry; forgets a device its service says is gone.
   */
  async deliver(subscription: StoredSubscription, message: PushMessage): Promise<void> {
    const subscriptionId = subscription.id;
    const request = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(message),
      { vapidDetails: await this.keys.vapid(), TTL: TTL_SECONDS, urgency: 'normal', contentEncoding: 'aes128gcm' },
    );
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return this.repository.remove(subscriptionId);
    // Throttled or down: the job retries later. Any other refusal (a payload it will never take) is not retried.
    if (response.status === 429 || response.status >= 500) throw new Error(`push service answered ${response.status}`);
    if (response.status < 200 || response.status > 299) this.logger.warn(`A push service refused a message (${response.status})`);
  }
}
