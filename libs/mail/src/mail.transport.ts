import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Delivers one message: through SMTP_URL when it is set, otherwise into HARBOUR_DATA_DIR/mail/ as an
 * .eml file (the outbox admins can read in the client), so a laptop install needs no mail server.
 */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  readonly outboxDir: string | null;

  constructor(@Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig) {
    if (config.smtpUrl) {
      this.transporter = createTransport(config.smtpUrl);
      this.outboxDir = null;
    } else {
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = join(config.dataDir, 'mail');
    }
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail({ from: this.config.mailFrom, ...mail })) as { message?: Buffer };
    if (this.outboxDir && info.message) {
      mkdirSync(this.outboxDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      writeFileSync(join(this.outboxDir, name), info.message, { mode: 0o600 });
      this.logger.log(`Wrote ${name} to the outbox`);
    }
  }
}
