import { Injectable } from '@nestjs/common';
import type { Locale, PushMessage } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { PushRepository, PushSender } from '@harbour/push';
import { AlertMembersRepository, type AlertSubscriber } from './alert-members.repository';
import type { Alert } from './alert.entity';
import { AlertRepository } from './alert.repository';

export const ALERT_PUSH_JOB = 'alerts.push';

const WORDS = {
  en: {
    newAlert: 'New drug-supply alert',
    activity: 'You have new activity',
    severity: { info: 'Information', warning: 'Warning', danger: 'Danger' },
  },
  fr: {
    newAlert: 'Nouvelle alerte sur les drogues',
    activity: 'Vous avez du nouveau',
    severity: { info: 'Information', warning: 'Avertissement', danger: 'Danger' },
  },
} as const;

/**
 * What a device shows of a new alert: only "new alert" by default; its severity, title and substance when the
 * member turned push details on; in discreet mode nothing that tells what the site is about.
 */
export function alertPush(alert: Alert, member: Pick<AlertSubscriber, 'locale' | 'discreet' | 'pushDetails'>): PushMessage {
  const words = WORDS[member.locale satisfies Locale];
  if (member.discreet) return { title: words.activity, body: '', url: '/notifications', tag: 'activity' };
  if (!member.pushDetails) return { title: words.newAlert, body: '', url: `/alerts/${alert.id}`, tag: `alert-${alert.id}` };
  const title = (member.locale === 'fr' ? alert.titleFr : null) ?? alert.title;
  return {
    title: `${words.severity[alert.severity]}: ${title}`,
    body: alert.substance,
    url: `/alerts/${alert.id}`,
    tag: `alert-${alert.id}`,
  };
}

/**
 * Sends an alert's web push to one device, in the worker (and in an API process that drains jobs). Decided when
 * it runs: a retracted or expired alert, a member who turned alerts off or left its regions, gets nothing.
 */
@Injectable()
export class AlertPushSender {
  constructor(
    jobs: JobQueue,
    private readonly alerts: AlertRepository,
    private readonly members: AlertMembersRepository,
    private readonly devices: PushRepository,
    private readonly sender: PushSender,
  ) {
    jobs.define({ name: ALERT_PUSH_JOB, retryLimit: 3, retryDelay: 30, expireInSeconds: 60, batchSize: 20, workers: 2 });
    jobs.handle(ALERT_PUSH_JOB, (job) => this.send(job.alertId, job.subscriptionId));
  }

  async send(alertId: string, subscriptionId: string): Promise<void> {
    const [alert, device] = await Promise.all([this.alerts.find(alertId), this.devices.find(subscriptionId)]);
    if (!alert || !device || alert.retractedAt !== null || alert.expiresAt <= new Date()) return;
    const member = await this.members.subscriber(device.userId, alert.regions);
    if (!member) return;
    await this.sender.deliver(device, alertPush(alert, member));
  }
}
