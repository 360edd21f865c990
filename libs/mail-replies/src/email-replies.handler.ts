import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Attachment, ParsedMail } from 'mailparser';
import { MemberCallers, UserRepository } from '@harbour/accounts';
import type { Caller } from '@harbour/access';
import { DomainError, findHostileText, ForbiddenError, NotFoundError, RateLimitedError, RuleRefusedError } from '@harbour/common';
import { MessagesService } from '@harbour/conversations';
import { PostEditsService } from '@harbour/forum';
import { InboundMail, type InboundMessage, type InboundVerdict } from '@harbour/inbound';
import { SettingsService } from '@harbour/settings';
import { UploadsService } from '@harbour/uploads';
import { isAutomatic } from './automatic-mail';
import { EmailOriginals } from './email-originals.repository';
import { ReplyAddresses, type OpenedReplyAddress } from './reply-addresses';
import { replyText } from './reply-text';

/** As long as a post or message from the web may be (forum.dtos, conversations.dtos). */
const MAX_REPLY_CHARS = 50_000;
/** Files of one reply that become uploads; the rest are left out (the member can add them on the site). */
const MAX_ATTACHMENTS = 5;
/** Pictures inside the HTML part smaller than this are logos and the like, not photos. */
const SIGNATURE_PICTURE_BYTES = 20 * 1024;

const TAKEN: InboundVerdict = { accepted: true };
const refused = (message: string): InboundVerdict => ({ accepted: false, code: 550, message });
/** Said to whoever sends to an address that is not (or no longer) one: nothing about whose it was or where it led. */
const UNKNOWN = refused('No such address here');

/**
 * Replies by email (api.md 1.1, Mail both ways): a reply to a notification's reply+<token> address becomes a
 * post in that topic, or a message in that conversation, from the member the address was made for, through
 * the same services as the web (access now, silence, locks, watched words, rate limits, review). The sending
 * server hears a short reason when nothing was posted; only the member's own address hears anything about the
 * place (a forged or stolen address learns nothing).
 */
@Injectable()
export class EmailRepliesHandler {
  private readonly logger = new Logger('EmailReplies');

  constructor(
    inbound: InboundMail,
    private readonly addresses: ReplyAddresses,
    private readonly originals: EmailOriginals,
    private readonly users: UserRepository,
    private readonly callers: MemberCallers,
    private readonly replies: PostEditsService,
    private readonly messages: MessagesService,
    private readonly uploads: UploadsService,
    private readonly settings: SettingsService,
  ) {
    inbound.handle('reply', (message) => this.receive(message));
  }

  async receive({ token, mailFrom, raw, parsed }: InboundMessage): Promise<InboundVerdict> {
    // A robot's mail (an out-of-office, a bounce, our own mail come round again) is taken and dropped: never answered.
    if (isAutomatic(parsed, mailFrom)) return TAKEN;
    const address = await this.addresses.open(token);
    if (!address) return UNKNOWN;
    const contact = await this.users.contactOf(address.userId);
    // The token is the key, and the sender must also be the member it was made for (a forwarded email is not them).
    const from = parsed.from?.value[0]?.address?.toLowerCase();
    if (!contact || !from || from !== contact.email.toLowerCase()) return UNKNOWN;
    if (address.expired) return refused('This reply address has expired: please answer on the site');
    const caller = (await this.callers.load([address.userId])).get(address.userId);
    if (!caller) return refused('Your account cannot post at the moment');
    // What the access guard refuses every write on the web (the email comes in through no route, so it asks here).
    if (caller.silenced) return refused('You are silenced: you can read, but not post for now');
    const claim = await this.originals.claim(address.userId, messageKey(parsed, raw));
    // The same email again (the sending server retried, or sent it twice at once): it was, or is being, posted.
    if (claim === null) return TAKEN;
    try {
      const verdict = await this.post(caller, address, parsed, raw, claim);
      if (!verdict.accepted) await this.originals.release(claim);
      return verdict;
    } catch (error) {
      await this.originals.release(claim);
      throw error;
    }
  }

  private async post(caller: Caller, address: OpenedReplyAddress, parsed: ParsedMail, raw: Buffer, claim: string): Promise<InboundVerdict> {
    const text = clean(replyText(parsed.text ?? ''));
    const files = await this.attach(caller, parsed.attachments);
    const body = [text, ...files].filter((part) => part !== '').join('\n\n');
    if (body === '') return refused('Your reply was empty: write above the quoted email');
    if (body.length > MAX_REPLY_CHARS) return refused(`Your reply is too long: at most ${MAX_REPLY_CHARS} characters`);
    if (findHostileText(body, 'body')) return refused('Your reply holds characters that cannot be posted');
    try {
      if (address.topicId) {
        const post = await this.replies.reply(caller, address.topicId, { body }, { viaEmail: true });
        // An anonymous post keeps no email: its From line names the author, whom nobody may learn.
        await this.originals.settle(claim, { postId: post.id }, post.anonymousLabel === undefined ? raw : null);
      } else if (address.conversationId) {
        const message = await this.messages.send(caller, address.conversationId, { body });
        await this.originals.settle(claim, { conversationMessageId: message.id }, raw);
      }
      return TAKEN;
    } catch (error) {
      return refusal(error);
    }
  }

  /**
   * The email's files as uploads, judged by their bytes like any upload (pictures re-encoded without their
   * metadata); a file refused or past the site's size limit is left out rather than refusing the reply.
   */
  private async attach(caller: Caller, attachments: Attachment[]): Promise<string[]> {
    const { uploadMaxMb } = await this.settings.get();
    const links: string[] = [];
    for (const attachment of attachments.slice(0, MAX_ATTACHMENTS)) {
      if (attachment.size > uploadMaxMb * 1024 * 1024 || attachment.contentType.startsWith('message/')) continue;
      // A small picture the HTML part shows (a signature's logo) is not something the member meant to post.
      if (attachment.related && attachment.size < SIGNATURE_PICTURE_BYTES) continue;
      try {
        const upload = await this.uploads.upload(caller, {
          buffer: attachment.content,
          originalname: attachment.filename ?? 'attachment',
          mimetype: attachment.contentType,
        });
        const label = upload.name.replace(/[[\]\\]/g, '');
        links.push(upload.contentType.startsWith('image/') ? `![${label}](${upload.url})` : `[${label}](${upload.url})`);
      } catch (error) {
        this.logger.log(`An attachment was left out: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return links;
  }
}

/** What the services' refusals say to the member's mail server (ASCII: SMTP replies are). */
function refusal(error: unknown): InboundVerdict {
  if (error instanceof RateLimitedError)
    return { accepted: false, code: 451, message: 'You are posting quickly: this reply will be retried' };
  if (error instanceof RuleRefusedError) return refused('This topic is locked: it takes no new replies');
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return refused('You can no longer post there');
  if (error instanceof DomainError && error.status < 500) {
    return refused(`Your reply could not be posted: ${error.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)}`);
  }
  throw error;
}

/** NUL and other control characters (a tab and line breaks kept) do not belong in a post. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** What makes a redelivery the same email: its Message-ID, or all of it when it has none. */
function messageKey(parsed: ParsedMail, raw: Buffer): string {
  return createHash('sha256')
    .update(parsed.messageId ? `id:${parsed.messageId}` : raw)
    .digest('hex');
}
