import { DynamicModule, Module } from '@nestjs/common';
import { CommonModule } from '@harbour/common';
import { ConfigModule } from '@harbour/config';
import { DatabaseModule, type RuntimeConfig } from '@harbour/database';
import { GroupRolesModule } from '@harbour/groups';
import { InboundModule } from '@harbour/inbound';
import { JobsModule } from '@harbour/jobs';
import { AccessModule } from '@harbour/access';
import { AlertPushModule } from '@harbour/alerts';
import { MailModule } from '@harbour/mail';
import { MailingsModule } from '@harbour/mailings';
import { NotificationsModule } from '@harbour/notifications';
import { PushModule } from '@harbour/push';
import { SettingsModule } from '@harbour/settings';

/** The worker process: the same libs as the API, no HTTP; it drains the job queues (mail, notification emails, digests, mailings). */
@Module({})
export class WorkerModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot(config.databaseUrl, config.databasePoolSize),
        JobsModule.forRoot({ databaseUrl: config.databaseUrl, runWorker: true }),
        AccessModule,
        SettingsModule,
        // Fills accounts' port for the callers that notification mail is checked against.
        GroupRolesModule,
        MailModule,
        InboundModule,
        NotificationsModule,
        PushModule,
        // Alerts' web pushes (the API queues them; mail needs nothing more: it is rendered when queued).
        AlertPushModule,
        MailingsModule,
      ],
    };
  }
}
