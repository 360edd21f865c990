import type { PageQuery, UserDto } from './accounts';

export const NOTIFICATION_TYPES = [
  'reply',
  'mention',
  'quote',
  'reaction',
  'watched_topic_post',
  'watched_category_topic',
  'group_invitation',
  'group_join_request',
  'moderation',
  'message',
  /** For staff: registrations awaiting approval, appeals, reports (`data.outcome` says which; gathered per kind). */
  'staff',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Where a member wants to hear of one type of notification. */
export const NOTIFICATION_DELIVERIES = ['both', 'in_app', 'email', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface NotificationDto {
  id: string;
  type: NotificationType;
  createdAt: string;
  readAt: string | null;
  /** The last member who acted (the latest of several reactions, say). */
  actor: UserDto | null;
  topicId?: string;
  postId?: string;
  groupId?: string;
  /** A `message` notification: the conversation (its subject is in `data.subject`). */
  conversationId?: string;
  data: {
    /** How many events this one notification gathers (ten reactions to one post are one notification). */
    count: number;
    topicTitle?: string;
    /** The post's content warning: shown instead of anything of its words (toasts, emails, digests). */
    contentWarning?: string;
    groupName?: string;
    groupSlug?: string;
    emoji?: string;
    /**
     * A moderation notification: report_dismissed, report_upheld (to reporters), post_hide, post_delete, post_edit,
     * post_lock, post_move, post_unmasked (to the author), watched_word_response; a staff one: registration_pending, appeal, report.
     */
    outcome?: string;
    /** A `watched_word_response`: the admins' notice (crisis lines, naloxone sites), in the member's language. */
    response?: string;
    /** A `post_unmasked` notification: why staff were shown who wrote the member's anonymous post. */
    reason?: string;
    /** A moderation notification about a sanction (see GET /api/me/sanctions). */
    sanctionId?: string;
    /** A `message` notification: the conversation's subject (never in a discreet email). */
    subject?: string;
  };
}

export interface NotificationPreferencesDto {
  deliveries: Record<NotificationType, NotificationDelivery>;
  digest: DigestFrequency;
  /** Every notification email says only "You have new activity" (not even the site's name), for members who share a device. */
  discreetEmails: boolean;
  /** Web pushes name who did what where (and quote a little); off by default: a push says only "New activity". */
  pushDetails: boolean;
}

// Request bodies and query strings (see accounts.ts).

export interface NotificationsQuery extends PageQuery {
  unread?: boolean;
}

/** `{ ids }` or `{ all: true }` (the server refuses both or neither). */
export interface MarkReadBody {
  ids?: string[];
  all?: true;
}

export interface UpdatePreferencesBody {
  /** Only the types that change. */
  deliveries?: Partial<Record<NotificationType, NotificationDelivery>>;
  digest?: DigestFrequency;
  discreetEmails?: boolean;
  pushDetails?: boolean;
}

/**
 * The one-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form to the
 * link, which carries the token; the web page posts `{ token }` as JSON.
 */
export interface UnsubscribeBody {
  token?: string;
  'List-Unsubscribe'?: string;
}
