import { ConversationsModule } from '@harbour/conversations';
import { Module, type OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { AuditModule } from '@harbour/audit';
import { ForumModule, ReviewHolds, TopicMoves } from '@harbour/forum';
import { FlagRepository } from './flag.repository';
import { FlagsService } from './flags.service';
import { ModerationMemberData } from './member-data.repository';
import { MemberRecordsService } from './member-records.service';
import { ModerationController } from './moderation.controller';
import { ModerationLog } from './moderation-log.service';
import { ModeratorNoteRepository } from './moderator-note.repository';
import { ReviewDecisionsService } from './review-decisions.service';
import { ReviewItemRepository } from './review-item.repository';
import { ReviewQueueService } from './review-queue.service';
import { SanctionRepository } from './sanction.repository';
import { SanctionsService } from './sanctions.service';
import { WatchedWordsController } from './watched-words.controller';
import { UnmaskController } from './unmask.controller';
import { UnmaskRequestRepository } from './unmask-request.repository';
import { UnmaskService } from './unmask.service';

@Module({
  imports: [AccountsModule, AuditModule, ForumModule, ConversationsModule],
  controllers: [ModerationController, WatchedWordsController, UnmaskController],
  providers: [
    ReviewItemRepository,
    FlagRepository,
    SanctionRepository,
    ModeratorNoteRepository,
    FlagsService,
    ReviewQueueService,
    ReviewDecisionsService,
    SanctionsService,
    MemberRecordsService,
    ModerationLog,
    ModerationMemberData,
    UnmaskRequestRepository,
    UnmaskService,
  ],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly reviewHolds: ReviewHolds,
    private readonly reviewItems: ReviewItemRepository,
    private readonly topicMoves: TopicMoves,
  ) {}

  /** Forum holds posts for review without knowing the queue: it opens their items through this. */
  onModuleInit(): void {
    this.reviewHolds.provide((manager, target) => this.reviewItems.openHeld(manager, target));
    // Reports about a merged-away topic follow its posts (posts keep their ids, so their reports need nothing).
    this.topicMoves.follow((manager, move) =>
      move.kind === 'topic' ? this.reviewItems.followTopicMerge(manager, move.fromTopicId, move.toTopicId) : Promise.resolve(),
    );
  }
}
