export { MailingsModule } from './mailings.module';
export { Subscriber } from './subscriber.entity';
export { Mailing } from './mailing.entity';
export { MailingDelivery } from './mailing-delivery.entity';
export { normalizeEmail } from './email-address';
