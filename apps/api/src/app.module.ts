import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@harbour/access';
import { AccountsModule } from '@harbour/accounts';
import { AlertsModule } from '@harbour/alerts';
import { CommonModule } from '@harbour/common';
import { ConfigModule } from '@harbour/config';
import { ConversationsModule } from '@harbour/conversations';
import { DatabaseModule, type RuntimeConfig } from '@harbour/database';
import { DraftsModule } from '@harbour/drafts';
import { ForumModule } from '@harbour/forum';
import { GroupsModule } from '@harbour/groups';
import { InboundModule } from '@harbour/inbound';
import { JobsModule } from '@harbour/jobs';
import { MailModule } from '@harbour/mail';
import { MailRepliesModule } from '@harbour/mail-replies';
import { MailingsModule } from '@harbour/mailings';
import { ModerationModule } from '@harbour/moderation';
import { NotificationsForumModule, NotificationsModule } from '@harbour/notifications';
import { ProfilesModule } from '@harbour/profiles';
import { PushModule } from '@harbour/push';
import { RealtimeModule } from '@harbour/realtime';
import { SearchModule } from '@harbour/search';
import { SettingsModule } from '@harbour/settings';
import { UploadsModule } from '@harbour/uploads';
import { HealthController } from './health.controller';

/** The composition root of the API process: it wires libs together and holds no logic of its own. */
@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig, options: { jobPollingSeconds?: number } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.databaseUrl, config.databasePoolSize),
        JobsModule.forRoot({
          databaseUrl: config.databaseUrl,
          runWorker: config.runWorker,
          pollingIntervalSeconds: options.jobPollingSeconds,
        }),
        CommonModule,
        AccessModule,
        SettingsModule,
        MailModule,
        InboundModule,
        AccountsModule,
        RealtimeModule,
        ForumModule,
        GroupsModule,
        ProfilesModule,
        ConversationsModule,
        UploadsModule,
        DraftsModule,
        SearchModule,
        NotificationsModule,
        NotificationsForumModule,
        PushModule,
        ModerationModule,
        MailingsModule,
        MailRepliesModule,
        AlertsModule,
      ],
      controllers: [HealthController],
    };
  }
}
