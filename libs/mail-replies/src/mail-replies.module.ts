import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { ConversationsModule } from '@harbour/conversations';
import { ForumModule } from '@harbour/forum';
import { UploadsModule } from '@harbour/uploads';
import { EmailOriginalsController } from './email-originals.controller';
import { EmailOriginals } from './email-originals.repository';
import { EmailRepliesHandler } from './email-replies.handler';
import { MailRepliesMemberData } from './member-data.repository';
import { ReplyAddresses } from './reply-addresses';

/** Reply addresses alone, for the mail that hands them out (notifications, in the worker too). */
@Module({ providers: [ReplyAddresses], exports: [ReplyAddresses] })
export class ReplyAddressesModule {}

/** Replies by email becoming posts and messages, in the API process (it posts through the forum's own services). */
@Module({
  imports: [ReplyAddressesModule, AccountsModule, ForumModule, ConversationsModule, UploadsModule],
  controllers: [EmailOriginalsController],
  providers: [EmailOriginals, EmailRepliesHandler, MailRepliesMemberData],
})
export class MailRepliesModule {}
