import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailingDelivery } from './mailing-delivery.entity';
import { Mailing } from './mailing.entity';
import { MailingRenderer } from './mailing-renderer';
import { MailingSender } from './mailing-sender';
import { MailingArchiveController, MailingsController } from './mailings.controller';
import { MailingsService } from './mailings.service';
import { SubscriberImport } from './subscriber-import.service';
import { Subscriber } from './subscriber.entity';
import { SubscribersController } from './subscribers.controller';
import { SubscribersService } from './subscribers.service';

/** The mailing list and mailings. In the worker (no controllers mounted) it is the MailingSender that matters. */
@Module({
  imports: [TypeOrmModule.forFeature([Subscriber, Mailing, MailingDelivery])],
  controllers: [MailingArchiveController, MailingsController, SubscribersController],
  providers: [MailingRenderer, MailingSender, MailingsService, SubscribersService, SubscriberImport],
})
export class MailingsModule {}
