import { Global, Module } from '@nestjs/common';
import { DeliveredMailRepository } from './delivered-mail.repository';
import { MailMemberData } from './mail-member-data';
import { MailService } from './mail.service';
import { MailTransport } from './mail.transport';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** Mail transport, queue and outbox. (A standalone worker context mounts no controllers.) */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [DeliveredMailRepository, MailTransport, MailService, OutboxService, MailMemberData],
  exports: [MailService, MailTransport, OutboxService],
})
export class MailModule {}
