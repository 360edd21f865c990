import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { InboundMail, type InboundVerdict } from './inbound-mail';
import { ClientAllowance } from './client-allowance';

/** The largest message taken (advertised with SIZE): a reply with a few phone pictures fits, a mail bomb does not. */
export const MAX_MESSAGE_BYTES = 15 * 1024 * 1024;
/** Recipients of ours per message: a reply names one; a message addressed to thousands is refused at the tenth. */
export const MAX_RECIPIENTS = 10;
/** Messages and connections one client address may send a minute (an MTA delivering a burst stays well below). */
const MESSAGES_PER_MINUTE = 60;
const CONNECTIONS_PER_MINUTE = 60;

/** An SMTP reply with a code: smtp-server answers with `responseCode` and the message as its text. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Harbour's own SMTP listener (INBOUND_SMTP_PORT): an MX or relay delivers reply+ and bounce+ mail of
 * REPLY_DOMAIN here. Plain SMTP without AUTH or STARTTLS, meant to sit behind that relay (README: Operations).
 * It refuses what is not ours at RCPT, what is too big or too many at once, and answers each message only
 * after its handler has acted (posted, marked bounced), so a crash before the answer makes the sending server
 * try again and nothing is lost; the handlers make that retry harmless.
 */
@Injectable()
export class InboundSmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InboundSmtp');
  private server: SMTPServer | null = null;
  private readonly connections = new ClientAllowance(CONNECTIONS_PER_MINUTE);
  private readonly messages = new ClientAllowance(MESSAGES_PER_MINUTE);

  constructor(
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly inbound: InboundMail,
  ) {}

  /** The port listened on (INBOUND_SMTP_PORT=0 picks a free one: tests), or null when off. */
  get port(): number | null {
    return (this.server?.server.address() as AddressInfo | null)?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.inboundSmtpPort === null) return;
    if (!this.config.replyDomain) this.logger.warn('INBOUND_SMTP_PORT is set without REPLY_DOMAIN: every recipient will be refused');
    const server = new SMTPServer({
      name: this.config.replyDomain ?? undefined,
      banner: 'Harbour',
      // TLS and sender authentication are the relay's in front (README); nothing here takes a password.
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      maxClients: 100,
      socketTimeout: 60_000,
      closeTimeout: 5_000,
      logger: false,
      onConnect: (session, callback) => {
        const allowed = this.isRelay(session.remoteAddress) || this.connections.take(session.remoteAddress);
        callback(allowed ? null : smtpError(421, 'Too many connections from your address, try again later'));
      },
      // The envelope is the message's own (smtp-server starts a new one for each message of a connection), so a relay
      // that sends many messages over one connection hands each only to its own recipients.
      onRcptTo: (address, session, callback) => {
        if (!this.inbound.recipient(address.address)) return callback(smtpError(550, 'No such address here'));
        if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, 'Too many recipients'));
        callback();
      },
      onData: (stream, session, callback) => {
        void this.receive(stream, session).then(
          (verdict) => callback(verdict.accepted ? null : smtpError(verdict.code, verdict.message)),
          () => callback(smtpError(451, 'Temporary failure, please try again later')),
        );
      },
    });
    server.on('error', (error) => this.logger.error(`Inbound SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.config.inboundSmtpPort ?? 0, this.config.inboundSmtpHost, () => resolve());
    });
    this.server = server;
    this.logger.log(`Inbound SMTP listening on ${this.config.inboundSmtpHost}:${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** One of the relays in front (INBOUND_SMTP_RELAYS): everyone's mail comes through it, so it has no allowance of its own. */
  private isRelay(address: string): boolean {
    return this.config.inboundSmtpRelays.includes(address.replace(/^::ffff:/, ''));
  }

  private async receive(stream: Readable, session: SMTPServerSession): Promise<InboundVerdict> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded) {
      return { accepted: false, code: 552, message: `Message too big: at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB` };
    }
    if (!this.isRelay(session.remoteAddress) && !this.messages.take(session.remoteAddress)) {
      return { accepted: false, code: 451, message: 'Too many messages from your address, try again later' };
    }
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const verdicts: InboundVerdict[] = [];
    // Each recipient of ours is one act (one reply, one report); the sender hears the first refusal when nothing was taken.
    for (const recipient of session.envelope.rcptTo) {
      const ours = this.inbound.recipient(recipient.address);
      if (ours) verdicts.push(await this.inbound.deliver({ ...ours, mailFrom, raw, parsed }));
    }
    const later = verdicts.find((verdict) => !verdict.accepted && verdict.code === 451);
    if (later) return later;
    return verdicts.find((verdict) => verdict.accepted) ?? verdicts[0] ?? { accepted: false, code: 550, message: 'No recipient' };
  }
}
