import { Module, type OnModuleInit } from '@nestjs/common';
import { ForumModule, TopicMoves } from '@harbour/forum';
import { NotificationRepository } from './notification.repository';

/**
 * Keeps notifications pointing at the topic their post is in when staff split or merge topics (forum's
 * TopicMoves port, in the surgery's transaction). Apart from NotificationsModule because the worker process
 * runs notifications without forum's HTTP side; the API, where surgery happens, imports this too.
 */
@Module({
  imports: [ForumModule],
  providers: [NotificationRepository],
})
export class NotificationsForumModule implements OnModuleInit {
  constructor(
    private readonly topicMoves: TopicMoves,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.topicMoves.follow((manager, move) => this.notifications.followTopicMove(manager, move));
  }
}
