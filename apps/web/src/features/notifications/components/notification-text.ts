import type { TFunction } from '../../../i18n/translator';
import type { NotificationDto } from '@harbour/contracts';

/**
 * The sentence for a notification, in the reader's language (the server sends facts, not sentences). A private
 * message's words are in the conversations namespace (i18n/parts/conversations.*.ts).
 */
export function notificationText(t: TFunction, notification: NotificationDto): string {
  const key = notificationKey(notification);
  const text = t(key, {
    actor: notification.actor?.displayName ?? t('notifications.someone'),
    topic: notification.data.topicTitle ?? '',
    group: notification.data.groupName ?? '',
    count: notification.data.count,
    others: notification.data.count - 1,
    emoji: notification.data.emoji ?? '',
    subject: notification.data.subject ?? '',
    reason: notification.data.reason ?? '',
  });
  // A post behind a content warning is announced with its warning (in the list and in toasts alike).
  const warning = notification.data.contentWarning;
  return warning ? `${text} — ${t('notifications.contentWarning', { warning })}` : text;
}

/**
 * A moderation notification says what was decided: a sanction, or the outcome of a report (moderation 1.1's
 * outcomes are in the moderation11 strings); a staff one what waits (a registration, an appeal, a report).
 */
function notificationKey(notification: NotificationDto): string {
  const outcome = notification.data.outcome ?? 'other';
  if (notification.type === 'staff') return `moderation11.notifications.staff.${outcome}`;
  if (notification.type === 'message') return `conversations.${notification.data.subject ? 'notification' : 'notificationBare'}`;
  if (notification.type !== 'moderation') return `notifications.types.${notification.type}`;
  if (notification.data.sanctionId) return 'notifications.moderation.sanction';
  if (outcome === 'post_unmasked') return 'unmask.notification';
  return MODERATION_11.includes(outcome) ? `moderation11.notifications.${outcome}` : `notifications.moderation.${outcome}`;
}

const MODERATION_11 = ['post_edit', 'post_lock', 'post_move', 'watched_word_response'];

/** Where a notification leads in the client. */
export function notificationLink(notification: NotificationDto): string {
  if (notification.data.sanctionId) return '/moderation/mine';
  if (notification.type === 'staff') return notification.data.outcome === 'registration_pending' ? '/admin/users' : '/moderation/queue';
  if (notification.conversationId) return `/messages/${notification.conversationId}`;
  if (notification.topicId) return `/t/${notification.topicId}${notification.postId ? `#post-${notification.postId}` : ''}`;
  if (notification.data.groupSlug) return `/g/${notification.data.groupSlug}`;
  return '/notifications';
}

/** A type's name in the preferences and the unsubscribe page (private messages' is with the conversations' words). */
export function notificationTypeName(t: TFunction, type: string): string {
  const key =
    type === 'message'
      ? 'conversations.notificationType'
      : type === 'staff'
        ? 'moderation11.notifications.staffType'
        : `notifications.typeNames.${type}`;
  return t(key, { defaultValue: '' });
}
