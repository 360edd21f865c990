import { Module } from '@nestjs/common';
import { MemberCallers } from '@harbour/accounts';
import { ReplyAddressesModule } from '@harbour/mail-replies';
import { NotificationsMemberData } from './member-data.repository';
import { NotificationDelivery } from './notification-delivery';
import { NotificationDigest } from './notification-digest';
import { NotificationFanout } from './notification-fanout';
import { NotificationMailer } from './notification-mailer';
import { NotificationPushContent } from './notification-push-content';
import { NotificationReader } from './notification-reader';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSources } from './notification-sources.repository';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { PostNotifications } from './post-notifications';
import { StaffNotifications } from './staff-notifications';

/**
 * Notifications: stored by the fan-out from domain events, read through the reader (which checks access
 * again), emailed by delayed jobs and digests. MemberCallers is provided here rather than imported with the
 * whole accounts module, so that the worker process can run the mail jobs without the HTTP side.
 */
@Module({
  imports: [ReplyAddressesModule],
  controllers: [NotificationsController],
  providers: [
    MemberCallers,
    NotificationRepository,
    NotificationSettingsRepository,
    NotificationSources,
    NotificationReader,
    NotificationsService,
    NotificationDelivery,
    PostNotifications,
    NotificationFanout,
    StaffNotifications,
    NotificationMailer,
    NotificationDigest,
    NotificationsMemberData,
    NotificationPushContent,
  ],
  exports: [NotificationReader, MemberCallers, NotificationPushContent],
})
export class NotificationsModule {}
