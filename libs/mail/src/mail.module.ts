import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailTransport } from './mail.transport';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** Mail transport, queue and outbox. (A standalone worker context mounts no controllers.) */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [MailTransport, MailService, OutboxService],
  exports: [MailService, MailTransport, OutboxService],
})
export class MailModule {}
