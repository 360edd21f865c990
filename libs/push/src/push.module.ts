import { Module } from '@nestjs/common';
import { NotificationsModule } from '@harbour/notifications';
import { PushMemberData } from './push-member-data';
import { PushKeys } from './push-keys.service';
import { PushSender } from './push-sender';
import { PushController } from './push.controller';
import { PushRepository } from './push.repository';
import { PushService } from './push.service';

/**
 * Web push: members' devices, the site's VAPID keys, and the job that pushes each new in-app notification.
 * In the API (routes, and queuing the pushes of the notifications it makes) and in the worker (sending them).
 */
@Module({
  imports: [NotificationsModule],
  controllers: [PushController],
  providers: [PushRepository, PushKeys, PushService, PushSender, PushMemberData],
  // Alerts push through the same sender, to the same devices.
  exports: [PushSender, PushRepository],
})
export class PushModule {}
