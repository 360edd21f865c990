import { Module } from '@nestjs/common';
import { UserRepository } from '@harbour/accounts';
import { GroupRepository } from '@harbour/groups';
import { MailBounces } from './mail-bounces';
import { MailingDeliveryRepository } from './mailing-delivery.repository';
import { MailingsMemberData } from './member-data.repository';
import { MailingRepository } from './mailing.repository';
import { MailingRenderer } from './mailing-renderer';
import { MailingSender } from './mailing-sender';
import { MailingArchiveController, MailingsController } from './mailings.controller';
import { MailingsService } from './mailings.service';
import { SubscriberImport } from './subscriber-import.service';
import { SubscriberRepository } from './subscriber.repository';
import { SubscribersController } from './subscribers.controller';
import { SubscribersService } from './subscribers.service';

/**
 * The mailing list and mailings. In the worker (no controllers mounted) it is the MailingSender that matters.
 * The users and groups repositories it reads through need only the data source, so they are provided here:
 * the worker runs without the accounts and groups modules.
 */
@Module({
  controllers: [MailingArchiveController, MailingsController, SubscribersController],
  providers: [
    MailingRepository,
    MailingDeliveryRepository,
    SubscriberRepository,
    UserRepository,
    GroupRepository,
    MailingRenderer,
    MailingSender,
    MailingsService,
    SubscribersService,
    SubscriberImport,
    MailingsMemberData,
    MailBounces,
  ],
})
export class MailingsModule {}
