import { Module, type OnModuleDestroy } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ConversationsModule } from '@harbour/conversations';
import { ForumModule } from '@harbour/forum';
import { NotificationsModule } from '@harbour/notifications';
import { ConversationLive } from './conversation-live';
import { LiveEvents } from './live-events';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';

@Module({
  imports: [AccountsModule, ForumModule, NotificationsModule, ConversationsModule],
  providers: [RealtimeGateway, RoomAccess, Presence, LiveEvents, ConversationLive],
})
export class RealtimeModule implements OnModuleDestroy {
  constructor(private readonly presence: Presence) {}

  onModuleDestroy(): void {
    this.presence.stop();
  }
}
