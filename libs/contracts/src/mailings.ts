import type { Locale, PageQuery } from './accounts';

export const SUBSCRIBER_STATUSES = ['pending', 'subscribed', 'unsubscribed', 'bounced', 'complained'] as const;
/** Where an address stands on the mailing list; the last three are never mailed again by an import. */
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** What an admin may set an address to: only ways of stopping mail (consent comes from the address's owner). */
export const SUPPRESSION_STATUSES = ['unsubscribed', 'bounced', 'complained'] as const;
export type SuppressionStatus = (typeof SUPPRESSION_STATUSES)[number];

export const CONSENT_METHODS = ['express', 'implied'] as const;
/** CASL's two kinds of consent: express lasts until withdrawn, implied expires (two years by default). */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface SubscriberDto {
  id: string;
  email: string;
  locale: Locale;
  status: SubscriberStatus;
  /** Null on a row that only records a refusal (a group's member who unsubscribed, a bounce). */
  consentSource: string | null;
  consentAt: string | null;
  consentMethod: ConsentMethod;
  consentExpiresAt: string | null;
  /** Whether the address belongs to a member who subscribed from their account. */
  member: boolean;
  createdAt: string;
}

export interface SubscriberImportReportDto {
  imported: number;
  updated: number;
  skipped: number;
  errors: { line: number; message: string }[];
}

export const MAILING_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed'] as const;
export type MailingStatus = (typeof MAILING_STATUSES)[number];

/** Who receives a mailing: every subscribed address, the members who subscribed, or one group's members. */
export type MailingAudience = 'subscribers' | 'members' | { groupId: string };

/** `GET /api/mailings/:id/recipient-count`: how many addresses would receive it if it were sent now. */
export interface MailingRecipientCountDto {
  count: number;
}

export interface MailingDto {
  id: string;
  subject: string;
  body: string;
  subjectFr: string | null;
  bodyFr: string | null;
  audience: MailingAudience;
  /** The group's name when the audience is a group. */
  audienceName: string | null;
  status: MailingStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  sentAt: string | null;
  /** Recipients when sending began (0 before). */
  total: number;
  /** Waiting to be sent (including those waiting to retry after a temporary refusal). */
  queued: number;
  sent: number;
  /** Refused after every retry, or interrupted by a crash (never sent twice: see `interrupted`). */
  failed: number;
  /** Of `failed`: a worker stopped while the message was being handed over; it may or may not have arrived. */
  interrupted: number;
  /** Refused for good: by the SMTP server at once, or in a delivery status notification received later (then no longer `sent`). */
  bounced: number;
  /** Marked as spam by their recipient (a feedback report received later; no longer counted in `sent`). */
  complained: number;
  /** Recipients who unsubscribed since this mailing began. */
  unsubscribed: number;
  createdAt: string;
  updatedAt: string;
}

/** A mailing as the list of mailings shows it. */
export type MailingSummaryDto = Omit<MailingDto, 'body' | 'bodyFr'>;

export interface MailingPreviewDto {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

/** A sent mailing in the public archive. */
export interface ArchivedMailingDto {
  id: string;
  subject: string;
  subjectFr: string | null;
  sentAt: string;
  /** The mailing's public page in the web client. */
  url: string;
}

export interface ArchivedMailingPageDto extends ArchivedMailingDto {
  html: string;
  htmlFr: string | null;
}

/** What an unsubscribe or confirmation link says about its address. */
export interface MailingAddressStateDto {
  email: string;
  status: SubscriberStatus | 'none';
}

// Request bodies and query strings (see accounts.ts).

export interface SubscribeBody {
  email: string;
  locale?: Locale;
}

export interface TokenQuery {
  token?: string;
}

/** RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` as a form to the link, which carries the token. */
export interface OneClickBody {
  token?: string;
  'List-Unsubscribe'?: string;
}

export interface MySubscriptionBody {
  subscribed: boolean;
}

export interface SubscribersQuery extends PageQuery {
  q?: string;
  status?: SubscriberStatus;
}

export interface SuppressSubscriberBody {
  status: SuppressionStatus;
}

export interface CreateMailingBody {
  subject: string;
  body: string;
  subjectFr?: string;
  bodyFr?: string;
  audience: MailingAudience;
}

/** Every field of a draft may change; `subjectFr`/`bodyFr` null removes the French version. */
export interface UpdateMailingBody {
  subject?: string;
  body?: string;
  subjectFr?: string | null;
  bodyFr?: string | null;
  audience?: MailingAudience;
}

export interface TestSendBody {
  email: string;
  locale?: Locale;
}

export interface SendMailingBody {
  /** ISO 8601: schedule instead of sending now. */
  at?: string;
}

export interface PreviewQuery {
  locale?: Locale;
}
