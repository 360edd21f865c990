import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { AuditModule } from '@harbour/audit';
import { ForumModule } from '@harbour/forum';
import { FlagsService } from './flags.service';
import { MemberRecordsService } from './member-records.service';
import { ModerationController } from './moderation.controller';
import { ModerationLog } from './moderation-log.service';
import { ModerationRecorder } from './moderation-recorder';
import { ReviewQueueService } from './review-queue.service';
import { SanctionsService } from './sanctions.service';
import { WatchedWordsController } from './watched-words.controller';

@Module({
  imports: [AccountsModule, AuditModule, ForumModule],
  controllers: [ModerationController, WatchedWordsController],
  providers: [FlagsService, ReviewQueueService, SanctionsService, MemberRecordsService, ModerationLog, ModerationRecorder],
})
export class ModerationModule {}
