import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEvents } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { AlertRegionDto, Locale, OutgoingMail } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { alertMail, discreetMail, MailService } from '@harbour/mail';
import { PushRepository } from '@harbour/push';
import { SettingsService } from '@harbour/settings';
import { AlertMembersRepository, type AlertSubscriber } from './alert-members.repository';
import { alertUnsubscribeToken } from './alert-unsubscribe-token';
import type { Alert } from './alert.entity';
import { NO_ALERT_RIGHTS, toAlertDto } from './alert.mapper';
import { AlertRepository } from './alert.repository';
import { ALERT_PUSH_JOB } from './alert-push';

/** Emails queued per insert: a thousand subscribers are two statements. */
const MAIL_CHUNK = 500;

/**
 * Takes each alert to its subscribers the moment it changes (api.md 1.1): every change live on their sockets
 * (one emit to all their rooms), a new or retracted alert by email in their language, a new one by web push.
 * Subscribers are those of its regions who did not turn alerts off — whatever their mute, digest or delivery
 * choices, which are about the forum, never about a warning of a poisoned supply.
 */
@Injectable()
export class AlertDelivery {
  private readonly logger = new Logger('Alerts');

  constructor(
    private readonly alerts: AlertRepository,
    private readonly members: AlertMembersRepository,
    private readonly mail: MailService,
    private readonly jobs: JobQueue,
    private readonly devices: PushRepository,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {
    events.on('AlertChanged', ({ alertId, change }) => this.deliver(alertId, change));
  }

  async deliver(alertId: string, change: 'created' | 'updated' | 'retracted'): Promise<void> {
    // Both at once: the sockets hear of it one database round trip after the change.
    const [alert, subscribers] = await Promise.all([this.alerts.find(alertId), this.members.subscribersOf(alertId)]);
    if (!alert) return;
    this.events.publish('AlertAnnounced', {
      event: { change, alert: toAlertDto(alert, NO_ALERT_RIGHTS) },
      audienceIds: subscribers.map((subscriber) => subscriber.userId),
    });
    if (change === 'updated' || subscribers.length === 0) return;
    await this.email(alert, change, subscribers);
    if (change === 'created') await this.push(alert, subscribers);
    this.logger.debug(`Alert ${alert.id} (${change}) delivered to ${subscribers.length} subscribers`);
  }

  private async email(alert: Alert, change: 'created' | 'retracted', subscribers: AlertSubscriber[]): Promise<void> {
    const [regions, { siteName }] = await Promise.all([this.members.regions(), this.settings.get()]);
    const mails = subscribers
      .filter((subscriber) => subscriber.emailWorks)
      .map((subscriber) => this.mailFor(alert, change, subscriber, regions, siteName));
    for (let start = 0; start < mails.length; start += MAIL_CHUNK) await this.mail.enqueueMany(mails.slice(start, start + MAIL_CHUNK));
  }

  private mailFor(
    alert: Alert,
    change: 'created' | 'retracted',
    subscriber: AlertSubscriber,
    regions: AlertRegionDto[],
    siteName: string,
  ): OutgoingMail {
    const base = this.config.publicUrl;
    const token = encodeURIComponent(alertUnsubscribeToken(this.config.sessionSecret ?? '', subscriber.userId));
    const links = {
      unsubscribePage: `${base}/alerts/unsubscribe?token=${token}`,
      oneClickUnsubscribe: `${base}/api/alerts/unsubscribe?token=${token}`,
      // Where the member chooses their regions, or turns alerts off.
      preferencesPage: `${base}/settings/notifications`,
    };
    // Its bounces and complaints come back to the member (stops alert, notification and digest mail alike).
    const bounceTo = { userId: subscriber.userId };
    // Discreet mode: no site name, no words of the alert, neutral pages only (api.md 1.1, "Discreet mode"): even
    // the visible unsubscribe link leads to the member's settings rather than to an address that names alerts.
    if (subscriber.discreet) {
      const neutral = { ...links, unsubscribePage: links.preferencesPage };
      return { ...discreetMail({ to: subscriber.email, locale: subscriber.locale, link: `${base}/notifications`, ...neutral }), bounceTo };
    }
    const french = subscriber.locale === 'fr';
    return {
      bounceTo,
      ...alertMail({
        to: subscriber.email,
        locale: subscriber.locale,
        siteName,
        change,
        title: (french ? alert.titleFr : null) ?? alert.title,
        body: (french ? alert.bodyFr : null) ?? alert.body,
        substance: alert.substance,
        appearance: alert.appearance,
        testResult: alert.testResult,
        severity: alert.severity,
        regions: alert.regions.map((code) => regionName(regions, code, subscriber.locale)),
        expiresAt: alert.expiresAt,
        link: `${base}/alerts/${alert.id}`,
        ...links,
      }),
    };
  }

  /** One durable job per device, worded when it runs (the member may have turned alerts off meanwhile). */
  private async push(alert: Alert, subscribers: AlertSubscriber[]): Promise<void> {
    const devices = await this.devices.ofMembers(subscribers.map((subscriber) => subscriber.userId));
    await this.jobs.sendMany(
      ALERT_PUSH_JOB,
      devices.map((device) => ({ alertId: alert.id, subscriptionId: device.id, change: 'created' as const })),
    );
  }
}

export function regionName(regions: AlertRegionDto[], code: string, locale: Locale): string {
  const region = regions.find((candidate) => candidate.code === code);
  return region ? (locale === 'fr' ? region.nameFr : region.name) : code;
}
