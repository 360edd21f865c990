import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { Locale } from '@harbour/contracts';
import { renderMarkdown } from '@harbour/forum';
import { mailingMail, type MailingContent, type MailingSender, type OutgoingMail } from '@harbour/mail';
import { SettingsService } from '@harbour/settings';
import type { Mailing } from './mailing.entity';
import { sealAddress } from './mailing-token';

/** The sender as a mailing names it, and whether the public archive is open (a login-only site keeps it closed). */
export interface SenderIdentity extends MailingSender {
  archiveOpen: boolean;
}

/**
 * Turns a mailing into the messages its recipients get: the body rendered once per language, then a copy
 * per recipient with their own unsubscribe link. Preview, test sends and the sender all use it, so what
 * an admin previews is what is sent.
 */
@Injectable()
export class MailingRenderer {
  /** PUBLIC_URL's host: List-Id and Message-ID are built on it for every copy. */
  private readonly host: string;

  constructor(
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    private readonly settings: SettingsService,
  ) {
    this.host = new URL(config.publicUrl).hostname;
  }

  /** Who sends; `postalAddress` is empty until an admin sets it, and nothing is sent until then. */
  async sender(): Promise<SenderIdentity> {
    const settings = await this.settings.get();
    const name = settings.mailingSenderName || settings.siteName;
    return {
      name,
      postalAddress: settings.mailingAddress,
      siteUrl: this.config.publicUrl,
      listId: `${name.replace(/[<>"\r\n]/g, '')} <mailings.${this.host}>`,
      archiveOpen: !settings.loginRequired,
    };
  }

  /** The mailing in a language: French when it has a French version, otherwise English. */
  content(mailing: Pick<Mailing, 'subject' | 'body' | 'subjectFr' | 'bodyFr'>, locale: Locale): MailingContent {
    if (locale === 'fr' && mailing.subjectFr && mailing.bodyFr) {
      return { locale, subject: mailing.subjectFr, html: this.html(mailing.bodyFr), text: mailing.bodyFr };
    }
    // Without a French version the body is English, but the footer stays in the recipient's language.
    return { locale, subject: mailing.subject, html: this.html(mailing.body), text: mailing.body };
  }

  /**
   * The forum's Markdown rendering (sanitized, images only from this site), with the site's own links and
   * images made absolute: in a mail client "/t/12" leads nowhere.
   */
  html(markdown: string): string {
    return renderMarkdown(markdown).replace(/ (href|src)="\/(?!\/)/g, ` $1="${this.config.publicUrl}/`);
  }

  /** One recipient's copy. `deliveryId` makes the Message-ID stable, so a receiver can tell a copy it already has. */
  message(
    to: string,
    content: MailingContent,
    sender: SenderIdentity,
    mailing: Pick<Mailing, 'id' | 'audienceKind'>,
    deliveryId: string | null,
  ): OutgoingMail {
    const token = sealAddress(this.tokenSecret(), to);
    const archived = sender.archiveOpen && mailing.audienceKind !== 'group';
    const message = mailingMail(
      to,
      content,
      sender,
      {
        unsubscribePage: `${this.config.publicUrl}/mailing/unsubscribe?token=${token}`,
        oneClickUnsubscribe: `${this.config.publicUrl}/api/mailing/unsubscribe?token=${token}`,
        webVersion: archived ? `${this.config.publicUrl}/mailings/${mailing.id}` : null,
      },
      `<mailing.${mailing.id}.${deliveryId ?? `test-${randomUUID()}`}@${this.host}>`,
    );
    // Its reports (bounces, complaints) come back to this delivery; a test send's go nowhere of ours.
    return deliveryId === null ? message : { ...message, bounceTo: { deliveryId } };
  }

  /** The key unsubscribe tokens are sealed with. */
  tokenSecret(): string {
    return this.config.sessionSecret ?? '';
  }

  /** The confirmation link of the double opt-in. */
  confirmationLink(token: string): string {
    return `${this.config.publicUrl}/mailing/confirm?token=${encodeURIComponent(token)}`;
  }
}
