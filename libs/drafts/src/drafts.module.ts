import { Module, type OnModuleInit } from '@nestjs/common';
import { ConversationsModule } from '@harbour/conversations';
import { ForumModule, TopicMoves } from '@harbour/forum';
import { DraftRepository } from './draft.repository';
import { DraftsController } from './drafts.controller';
import { DraftsMemberData } from './member-data.repository';
import { DraftsService } from './drafts.service';

/**
 * Members' unsent text, per place. Above forum and conversations: it asks them where the member may write;
 * they throw a draft away through PostedDrafts (libs/common) when its post or message is made.
 */
@Module({
  imports: [ForumModule, ConversationsModule],
  controllers: [DraftsController],
  providers: [DraftRepository, DraftsService, DraftsMemberData],
})
export class DraftsModule implements OnModuleInit {
  constructor(
    private readonly topicMoves: TopicMoves,
    private readonly drafts: DraftRepository,
  ) {}

  /** A draft reply to a merged-away topic follows its posts (in the merge's transaction). */
  onModuleInit(): void {
    this.topicMoves.follow((manager, move) =>
      move.kind === 'topic' ? this.drafts.followTopicMerge(manager, move.fromTopicId, move.toTopicId) : Promise.resolve(),
    );
  }
}
