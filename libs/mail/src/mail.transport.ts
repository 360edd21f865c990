import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { OutgoingMail } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';
import { bounceToken } from './verp';

/** A message to send (the mail job's payload type, defined once in contracts). */
export type { OutgoingMail };

/** SMTP connections a mailing keeps open at once: enough to reach hundreds a second on a local relay. */
const BULK_CONNECTIONS = 8;
/** SMTP connections kept open for transactional mail (resets, notifications), which the mail queue sends in parallel. */
const TRANSACTIONAL_CONNECTIONS = 8;

/**
 * Delivers one message: through SMTP_URL when it is set, otherwise into HARBOUR_DATA_DIR/mail/ as an
 * .eml file (the outbox admins can read in the client), so a laptop install needs no mail server.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private bulkTransporter: Transporter | null = null;
  readonly outboxDir: string | null;

  constructor(
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly settings: SettingsService,
  ) {
    if (config.smtpUrl) {
      // Pooled: a connection (and TLS handshake) per message would cost more than the message.
      this.transporter = createTransport({
        url: config.smtpUrl,
        pool: true,
        maxConnections: TRANSACTIONAL_CONNECTIONS,
        // nodemailer waits up to 10 minutes on a silent server; a send must end well inside the mail job's
        // expiry (5 minutes), or the retry of an expired job could race the send still in flight.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      this.outboxDir = null;
    } else {
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = join(config.dataDir, 'mail');
    }
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    await this.write(this.transporter, mail);
  }

  /**
   * Delivers one message of a mailing over a pool of open SMTP connections (a connection per message
   * would cost more than the message). Errors carry nodemailer's `responseCode` for smtpOutcome.
   */
  async deliverBulk(mail: OutgoingMail): Promise<void> {
    if (!this.config.smtpUrl) return this.write(this.transporter, mail);
    this.bulkTransporter ??= createTransport({
      url: this.config.smtpUrl,
      pool: true,
      maxConnections: BULK_CONNECTIONS,
      maxMessages: Infinity,
    });
    await this.write(this.bulkTransporter, mail);
  }

  /** Closes the mailing's pooled connections (its sender stopping). */
  close(): void {
    this.bulkTransporter?.close();
    this.bulkTransporter = null;
  }

  /** Closes the transactional pool once the job queue has stopped handing it messages. */
  onApplicationShutdown(): void {
    this.transporter.close();
  }

  /**
   * Without MAIL_FROM, mail comes from the site by its own name (renamed in the settings, it changes at once).
   * A message's own `fromName` (a discreet member's mail) replaces that name, and MAIL_FROM's, keeping the address.
   */
  private async from(fromName: string | undefined): Promise<string | { name: string; address: string }> {
    const address = this.config.mailFromNamed ? bareAddress(this.config.mailFrom) : this.config.mailFrom;
    if (fromName !== undefined) return { name: fromName, address };
    return this.config.mailFromNamed ? this.config.mailFrom : { name: (await this.settings.get()).siteName, address };
  }

  private async write(transporter: Transporter, mail: OutgoingMail): Promise<void> {
    const { fromName, bounceTo, ...message } = mail;
    const from = await this.from(fromName);
    // VERP: the envelope's sender (where servers send reports later) names whose mail this was; From stays.
    const envelope =
      bounceTo && this.config.replyDomain
        ? { envelope: { from: `bounce+${bounceToken(this.config.sessionSecret ?? '', bounceTo)}@${this.config.replyDomain}`, to: mail.to } }
        : {};
    const info = (await transporter.sendMail({ from, ...message, ...envelope })) as { message?: Buffer };
    if (this.outboxDir && info.message) {
      mkdirSync(this.outboxDir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      writeFileSync(join(this.outboxDir, name), info.message, { mode: 0o600 });
      this.logger.log(`Wrote ${name} to the outbox`);
    }
  }
}

/** The address of `Name <address>` (or the whole text when it is a bare address). */
function bareAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();
}
