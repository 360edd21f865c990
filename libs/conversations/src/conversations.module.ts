import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { GroupsModule } from '@harbour/groups';
import { UploadsModule } from '@harbour/uploads';
import { ConversationLookup } from './conversation-lookup';
import { ConversationRepository } from './conversation.repository';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { ConversationsMemberData } from './member-data.repository';
import { MessageRepository } from './message.repository';
import { MessageUploads } from './message-uploads';
import { MessageWriter } from './message-writer';
import { MessagesService } from './messages.service';

/**
 * Private conversations and group inboxes. Others reach them only through what this module exports: the
 * lookup (a report, a typing event: the caller's access first) and the live views of a message.
 */
@Module({
  imports: [AccountsModule, GroupsModule, UploadsModule],
  controllers: [ConversationsController],
  providers: [
    ConversationRepository,
    MessageRepository,
    ConversationLookup,
    MessageWriter,
    MessageUploads,
    ConversationsService,
    MessagesService,
    ConversationsMemberData,
  ],
  exports: [ConversationLookup, ConversationRepository, MessageRepository, MessagesService, MessageUploads],
})
export class ConversationsModule {}
