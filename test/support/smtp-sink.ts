import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The envelope's sender (MAIL FROM): where reports about the message go (a bounce+ address under VERP). */
  mailFrom: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Each header as sent (lower-cased name → unfolded value), for the exact words of List-* headers. */
  rawHeaders: Map<string, string>;
}

/**
 * A real SMTP server on loopback that keeps every message it receives (only whole ones: a connection cut
 * before the final "." leaves nothing).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /**
   * Connection errors, kept for a test to look at. A client that dies mid-message (a worker killed by a
   * test) resets its connection; smtp-server reports that as an 'error' event, which, unheard, would
   * crash the whole test file.
   */
  readonly errors: Error[] = [];
  /** Envelopes held at RCPT TO right now (see `holdRecipients`). */
  held = 0;
  private server: SMTPServer | null = null;
  private readonly refusals = new Map<string, { code: number; times: number }>();
  private holdMs = 0;
  private readonly verifiedElsewhere = new Set<string>();
  port = 0;

  /**
   * The factories verify a new member's address in SQL: the verification link mailed to it is dropped when it
   * arrives, so a test reading that member's mail sees only the mail it caused.
   */
  dropVerificationLinkTo(address: string, drop = true): void {
    if (drop) this.verifiedElsewhere.add(address.toLowerCase());
    else this.verifiedElsewhere.delete(address.toLowerCase());
  }

  /** Makes the sink slow: each RCPT TO waits `ms` before it is answered, so a test can act while mail is in flight. */
  holdRecipients(ms: number): void {
    this.holdMs = ms;
  }

  /**
   * Refuses `address` at RCPT TO with `code`: a 5xx is a bounce; a 4xx says "try later", `times` times.
   */
  refuse(address: string, code: number, times = Number.POSITIVE_INFINITY): void {
    this.refusals.set(address.toLowerCase(), { code, times });
  }

  /** Messages received for `address`. */
  countFor(address: string): number {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase())).length;
  }

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.holdMs === 0) return this.answerRcpt(address.address, callback);
        this.held += 1;
        setTimeout(() => {
          this.held -= 1;
          this.answerRcpt(address.address, callback);
        }, this.holdMs);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
            const dropped = to.find((address) => this.verifiedElsewhere.has(address));
            if (dropped && (parsed.text ?? '').includes('/verify-email?token=')) {
              this.verifiedElsewhere.delete(dropped);
              return callback();
            }
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              rawHeaders: new Map(
                parsed.headerLines.map(({ key, line }) => [
                  key,
                  line
                    .slice(line.indexOf(':') + 1)
                    .replace(/\r?\n[ \t]+/g, ' ')
                    .trim(),
                ]),
              ),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server.on('error', (error: Error) => this.errors.push(error));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return `smtp://127.0.0.1:${this.port}`;
  }

  private answerRcpt(address: string, callback: (error?: Error) => void): void {
    const refusal = this.refusals.get(address.toLowerCase());
    if (!refusal || refusal.times <= 0) return callback();
    refusal.times -= 1;
    const error = Object.assign(new Error(refusal.code >= 500 ? 'No such mailbox here' : 'Mailbox busy, try again later'), {
      responseCode: refusal.code,
    });
    callback(error);
  }

  /** Waits for a message to `to` (the worker polls the queue, so mail arrives within a few seconds). */
  async waitFor(to: string, timeoutMs = 15000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.to.includes(to.toLowerCase()));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail for ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20)); // an array read: looking often costs nothing
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
