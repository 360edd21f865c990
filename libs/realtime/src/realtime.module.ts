import { Module, type OnModuleDestroy } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ForumModule } from '@harbour/forum';
import { NotificationsModule } from '@harbour/notifications';
import { LiveEvents } from './live-events';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';

@Module({ imports: [AccountsModule, ForumModule, NotificationsModule], providers: [RealtimeGateway, RoomAccess, Presence, LiveEvents] })
export class RealtimeModule implements OnModuleDestroy {
  constructor(private readonly presence: Presence) {}

  onModuleDestroy(): void {
    this.presence.stop();
  }
}
