import type { ArchivedMailingDto, MailingAudience, MailingDto, MailingSummaryDto, SubscriberDto } from '@harbour/contracts';
import type { Mailing } from './mailing.entity';
import type { Subscriber } from './subscriber.entity';

export function toSubscriberDto(subscriber: Subscriber): SubscriberDto {
  return {
    id: subscriber.id,
    email: subscriber.email,
    locale: subscriber.locale,
    status: subscriber.status,
    consentSource: subscriber.consentSource,
    consentAt: subscriber.consentAt?.toISOString() ?? null,
    consentMethod: subscriber.consentMethod,
    consentExpiresAt: subscriber.consentExpiresAt?.toISOString() ?? null,
    member: subscriber.userId !== null,
    createdAt: subscriber.createdAt.toISOString(),
  };
}

/** Where one mailing's recipients stand, counted from its delivery rows. */
export type DeliveryCounts = Pick<MailingDto, 'queued' | 'sent' | 'failed' | 'interrupted' | 'bounced' | 'complained' | 'unsubscribed'>;

export const NO_DELIVERIES: DeliveryCounts = { queued: 0, sent: 0, failed: 0, interrupted: 0, bounced: 0, complained: 0, unsubscribed: 0 };

export function audienceOf(mailing: Mailing): MailingAudience {
  return mailing.audienceKind === 'group' ? { groupId: mailing.audienceGroupId ?? '' } : mailing.audienceKind;
}

/** `audienceName`: the name of the group a group mailing goes to (groups' row, read through its repository). */
export function toMailingSummaryDto(mailing: Mailing, counts: DeliveryCounts, audienceName: string | null): MailingSummaryDto {
  return {
    id: mailing.id,
    subject: mailing.subject,
    subjectFr: mailing.subjectFr,
    audience: audienceOf(mailing),
    audienceName,
    status: mailing.status,
    scheduledAt: mailing.scheduledAt?.toISOString() ?? null,
    startedAt: mailing.startedAt?.toISOString() ?? null,
    sentAt: mailing.sentAt?.toISOString() ?? null,
    total: mailing.total,
    ...counts,
    createdAt: mailing.createdAt.toISOString(),
    updatedAt: mailing.updatedAt.toISOString(),
  };
}

export function toMailingDto(mailing: Mailing, counts: DeliveryCounts, audienceName: string | null): MailingDto {
  return { ...toMailingSummaryDto(mailing, counts, audienceName), body: mailing.body, bodyFr: mailing.bodyFr };
}

export function toArchivedMailingDto(mailing: Mailing, publicUrl: string): ArchivedMailingDto {
  return {
    id: mailing.id,
    subject: mailing.subject,
    subjectFr: mailing.subjectFr,
    sentAt: (mailing.sentAt ?? mailing.updatedAt).toISOString(),
    url: `${publicUrl}/mailings/${mailing.id}`,
  };
}
