import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { PushModule } from '@harbour/push';
import { AlertDelivery } from './alert-delivery';
import { AlertFeedService } from './alert-feed.service';
import { AlertAdminController, MyAlertsController } from './alert-members.controller';
import { AlertMembersRepository } from './alert-members.repository';
import { AlertMembersService } from './alert-members.service';
import { AlertPushSender } from './alert-push';
import { AlertReportRepository } from './alert-report.repository';
import { AlertReportsService } from './alert-reports.service';
import { AlertRepository } from './alert.repository';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/**
 * Drug-supply alerts in the API: the routes, the team and regions, members' subscriptions, and delivery of each
 * change to its subscribers (sockets through realtime's listener, mail and push jobs).
 */
@Module({
  imports: [AccountsModule, PushModule],
  controllers: [AlertsController, MyAlertsController, AlertAdminController],
  providers: [
    AlertRepository,
    AlertReportRepository,
    AlertMembersRepository,
    AlertsService,
    AlertReportsService,
    AlertMembersService,
    AlertFeedService,
    AlertDelivery,
    AlertPushSender,
  ],
})
export class AlertsModule {}

/** The worker's part: sending alerts' web pushes (the API queues them). */
@Module({
  imports: [PushModule],
  providers: [AlertRepository, AlertMembersRepository, AlertPushSender],
})
export class AlertPushModule {}
