export { InboundMail } from './inbound-mail';
export type { InboundHandler, InboundKind, InboundMessage, InboundVerdict } from './inbound-mail';
export { InboundSmtpListener, MAX_MESSAGE_BYTES, MAX_RECIPIENTS } from './inbound-smtp.listener';
export { InboundModule } from './inbound.module';
