import { Module } from '@nestjs/common';
import { ConversationsModule } from '@harbour/conversations';
import { ForumModule } from '@harbour/forum';
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
export class DraftsModule {}
