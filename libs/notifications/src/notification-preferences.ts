import { NOTIFICATION_TYPES, type NotificationDelivery, type NotificationPreferencesDto, type NotificationType } from '@harbour/contracts';
import type { NotificationSettings } from './notification-settings.entity';

/**
 * What a member hears of by default: whatever is addressed to them personally also comes by email (after
 * the delay, and only if still unread); what merely happens around them stays in the app.
 */
export const DEFAULT_DELIVERIES: Readonly<Record<NotificationType, NotificationDelivery>> = {
  reply: 'both',
  mention: 'both',
  quote: 'both',
  reaction: 'in_app',
  watched_topic_post: 'in_app',
  watched_category_topic: 'in_app',
  group_invitation: 'both',
  group_join_request: 'both',
  moderation: 'both',
  message: 'both',
  staff: 'both',
};

export function preferencesOf(settings: NotificationSettings | null | undefined): NotificationPreferencesDto {
  const deliveries = { ...DEFAULT_DELIVERIES };
  for (const type of NOTIFICATION_TYPES) {
    const chosen = settings?.deliveries[type];
    if (chosen) deliveries[type] = chosen;
  }
  return {
    deliveries,
    digest: settings?.digest ?? 'off',
    discreetEmails: settings?.discreetEmails ?? false,
    pushDetails: settings?.pushDetails ?? false,
  };
}

export const wantsInApp = (delivery: NotificationDelivery): boolean => delivery === 'both' || delivery === 'in_app';
export const wantsEmail = (delivery: NotificationDelivery): boolean => delivery === 'both' || delivery === 'email';

/** The delivery once email is turned off for a type (the one-click unsubscribe). */
export function withoutEmail(delivery: NotificationDelivery): NotificationDelivery {
  return delivery === 'both' ? 'in_app' : delivery === 'email' ? 'none' : delivery;
}
