/**
 * The job queue's contract: every queue's name and the payload of its jobs. `JobQueue.send` and
 * `JobQueue.handle` (libs/jobs) are typed by this map, so a sender and a handler that disagree on a
 * payload, or a queue name that does not exist, fail the typecheck. Payloads are stored as JSON in
 * pg-boss's table: plain data only, and a job queued before a deploy is read by the code after it.
 */

/** One email as the mail queue carries it (libs/mail renders it, the worker delivers it). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A Message-ID of our own (a mailing's is derived from the mailing and the recipient). */
  messageId?: string;
  /** The From display name instead of the site's (a discreet member's mail: the site's name would tell); same address. */
  fromName?: string;
  /** Where answers go (a notification's reply+<token>@REPLY_DOMAIN address: a reply by email becomes a post). */
  replyTo?: string;
  /**
   * Whose bounces and complaints this message's return path collects (bounce+<token>@REPLY_DOMAIN, when REPLY_DOMAIN is
   * set): a member's own mail, or one recipient of a mailing.
   */
  bounceTo?: { userId: string } | { deliveryId: string };
}

/** A message as queued: with the key that makes its delivery happen once however often its job runs. */
export interface QueuedMail extends OutgoingMail {
  /** Absent only on jobs queued before delivery keys existed. */
  deliveryKey?: string;
}

/** The payload of a job that carries nothing: a scheduled sweep, or one run at worker start. */
export type EmptyJob = Record<string, never>;

export interface JobPayloads {
  /** Every transactional email (resets, notifications, sanctions, invitations). */
  'mail.send': QueuedMail;
  /** Daily: forgets delivery keys older than any retry. */
  'mail.prune-delivered': EmptyJob;
  /** Daily: forgets reply addresses long expired. */
  'mail.prune-reply-addresses': EmptyJob;
  /** A notification's email, after the delay, if it is still unread and wanted by email. */
  'notifications.email': { notificationId: string };
  /** One notification's web push to one of its member's devices, if they may still see it. */
  'push.send': { notificationId: string; subscriptionId: string };
  /** A drug-supply alert's web push to one device of a subscribed member (worded when it runs). */
  'alerts.push': { alertId: string; subscriptionId: string; change: 'created' | 'retracted' };
  /** Hourly: the daily and weekly digests that are due. */
  'notifications.digest': EmptyJob;
  /** Wakes the sender of one mailing. */
  'mailing.deliver': { mailingId: string };
  /** Every minute and at worker start: resumes mailings whose time came or whose sender died. */
  'mailing.sweep': EmptyJob;
}

export type JobName = keyof JobPayloads;

/** Queues whose jobs carry nothing: only these may run on a schedule or at worker start. */
export type EmptyJobName = { [N in JobName]: JobPayloads[N] extends EmptyJob ? N : never }[JobName];
