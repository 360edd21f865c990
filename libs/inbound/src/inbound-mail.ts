import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';

/** What an address of REPLY_DOMAIN is for: `reply+<token>` (a reply by email), `bounce+<token>` (a report about mail we sent). */
export type InboundKind = 'reply' | 'bounce';

/** One message for one of our addresses, as the listener received it. */
export interface InboundMessage {
  kind: InboundKind;
  /** What follows `reply+` or `bounce+` in the recipient's address, lower-cased. */
  token: string;
  /** The envelope sender (MAIL FROM); empty for a bounce (the null sender). */
  mailFrom: string;
  /** The message as received, for staff to read later; at most the listener's size limit. */
  raw: Buffer;
  /** Parsed once for every handler (delivery-status parts kept: see stack.md on mailparser). */
  parsed: ParsedMail;
}

/**
 * A handler's answer, which becomes the SMTP answer to the sending server: accepted (even when dropped on
 * purpose, as an auto-reply is: refusing it would send a bounce back to a robot), or refused with a short
 * explanation the sender's server passes on to them. Never more than is safe to tell an unknown sender.
 */
export type InboundVerdict = { accepted: true } | { accepted: false; code: 550 | 552 | 451; message: string };

export type InboundHandler = (message: InboundMessage) => Promise<InboundVerdict>;

/** The local part's form: kind, plus sign, token (letters and digits, as lower-case as MTAs may make it). */
const LOCAL_PART = /^(reply|bounce)\+([a-z0-9-]{8,56})$/;

/**
 * The inbound mail switchboard: libs that own a kind of address (forum replies, mailing bounces) register a
 * handler here, as they register job handlers; the listener only knows addresses and answers.
 */
@Injectable()
export class InboundMail {
  private readonly logger = new Logger('InboundMail');
  private readonly handlers = new Map<InboundKind, InboundHandler>();

  constructor(@Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig) {}

  handle(kind: InboundKind, handler: InboundHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Which of our addresses `address` is (kind and token), or null when it is not one (wrong domain, form or kind). */
  recipient(address: string): { kind: InboundKind; token: string } | null {
    const domain = this.config.replyDomain;
    const at = address.lastIndexOf('@');
    if (!domain || at < 1 || address.slice(at + 1).toLowerCase() !== domain) return null;
    const match = LOCAL_PART.exec(address.slice(0, at).toLowerCase());
    if (!match || !this.handlers.has(match[1] as InboundKind)) return null;
    return { kind: match[1] as InboundKind, token: match[2] ?? '' };
  }

  /** Hands a message to the handler of its kind; a handler that fails answers "try later" (the sender's server retries). */
  async deliver(message: InboundMessage): Promise<InboundVerdict> {
    const handler = this.handlers.get(message.kind);
    if (!handler) return { accepted: false, code: 550, message: 'No such address' };
    try {
      const verdict = await handler(message);
      this.logger.log(`${message.kind}: ${verdict.accepted ? 'accepted' : `refused (${verdict.code})`}`);
      return verdict;
    } catch (error) {
      this.logger.error(
        `${message.kind}: failed, the sender's server will try again: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { accepted: false, code: 451, message: 'Temporary failure, please try again later' };
    }
  }
}
