export { NotificationsModule } from './notifications.module';
export { NotificationsForumModule } from './notifications-forum.module';
export { NotificationReader } from './notification-reader';
export { discreetPush, NotificationPushContent, type PushContent } from './notification-push-content';
export { Notification } from './notification.entity';
export { NotificationSettings } from './notification-settings.entity';
export { NotificationDigest } from './notification-digest';
export { unsubscribeToken } from './unsubscribe-token';
export type { MailKind } from './unsubscribe-token';
