import type { TFunction } from 'i18next';
import type { NotificationDto } from '@harbour/contracts';

/**
 * The sentence for a notification, in the reader's language (the server sends facts, not sentences). A private
 * message's words are in the conversations namespace (i18n/parts/conversations.*.ts).
 */
export function notificationText(t: TFunction, notification: NotificationDto): string {
  // A moderation notification says what was decided: a sanction, or the outcome of a report.
  const key =
    notification.type === 'moderation'
      ? `notifications.moderation.${notification.data.sanctionId ? 'sanction' : (notification.data.outcome ?? 'other')}`
      : notification.type === 'message'
        ? `conversations.${notification.data.subject ? 'notification' : 'notificationBare'}`
        : `notifications.types.${notification.type}`;
  const text = t(key, {
    actor: notification.actor?.displayName ?? t('notifications.someone'),
    topic: notification.data.topicTitle ?? '',
    group: notification.data.groupName ?? '',
    count: notification.data.count,
    others: notification.data.count - 1,
    emoji: notification.data.emoji ?? '',
    subject: notification.data.subject ?? '',
  });
  // A post behind a content warning is announced with its warning (in the list and in toasts alike).
  const warning = notification.data.contentWarning;
  return warning ? `${text} — ${t('notifications.contentWarning', { warning })}` : text;
}

/** Where a notification leads in the client. */
export function notificationLink(notification: NotificationDto): string {
  if (notification.data.sanctionId) return '/moderation/mine';
  if (notification.conversationId) return `/messages/${notification.conversationId}`;
  if (notification.topicId) return `/t/${notification.topicId}${notification.postId ? `#post-${notification.postId}` : ''}`;
  if (notification.data.groupSlug) return `/g/${notification.data.groupSlug}`;
  return '/notifications';
}

/** A type's name in the preferences and the unsubscribe page (private messages' is with the conversations' words). */
export function notificationTypeName(t: TFunction, type: string): string {
  return t(type === 'message' ? 'conversations.notificationType' : `notifications.typeNames.${type}`, { defaultValue: '' });
}
