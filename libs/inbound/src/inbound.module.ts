import { Global, Module } from '@nestjs/common';
import { InboundMail } from './inbound-mail';
import { InboundSmtpListener } from './inbound-smtp.listener';

/** The inbound SMTP listener and its switchboard (global: reply and bounce handlers register from their own libs). */
@Global()
@Module({
  providers: [InboundMail, InboundSmtpListener],
  exports: [InboundMail, InboundSmtpListener],
})
export class InboundModule {}
