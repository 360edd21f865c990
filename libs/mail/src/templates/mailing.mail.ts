import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml } from './layout';

/** The parts of a mailing that are the same for every recipient in one language, rendered once. */
export interface MailingContent {
  locale: Locale;
  subject: string;
  /** The body's sanitized HTML. */
  html: string;
  /** The body's Markdown source, which reads well as plain text. */
  text: string;
}

/** Who sends: CASL asks for the sender's name and a mailing address in every message. */
export interface MailingSender {
  name: string;
  postalAddress: string;
  siteUrl: string;
  /** `List-Id` (RFC 2919): `Name <mailings.example.org>`. */
  listId: string;
}

export interface MailingLinks {
  /** The page with the unsubscribe button (the footer link). */
  unsubscribePage: string;
  /** RFC 8058: the URL a mail client POSTs `List-Unsubscribe=One-Click` to. */
  oneClickUnsubscribe: string;
  /** The mailing's public page; null for a group's mailing, which is not in the archive. */
  webVersion: string | null;
}

const FOOTER = {
  en: {
    why: (name: string) => `You receive this because this address is on ${name}'s mailing list.`,
    from: 'Sent by',
    unsubscribe: 'Unsubscribe (one click, no account needed)',
    web: 'Read it on the web',
  },
  fr: {
    why: (name: string) => `Vous recevez ce message parce que cette adresse est sur la liste d’envoi de ${name}.`,
    from: 'Envoyé par',
    unsubscribe: 'Se désabonner (un clic, sans compte)',
    web: 'Lire en ligne',
  },
} as const;

/**
 * One recipient's copy of a mailing: the body, then the footer CASL requires (who sends, their mailing
 * address, how to unsubscribe), as text and HTML, with the headers mail clients use to unsubscribe in one
 * click (RFC 8058) and to file the list (List-Id).
 */
export function mailingMail(
  to: string,
  content: MailingContent,
  sender: MailingSender,
  links: MailingLinks,
  messageId: string,
): OutgoingMail {
  const t = FOOTER[content.locale];
  const textFooter = [
    t.why(sender.name),
    `${t.from} ${sender.name}, ${sender.postalAddress} · ${sender.siteUrl}`,
    `${t.unsubscribe}: ${links.unsubscribePage}`,
    ...(links.webVersion ? [`${t.web}: ${links.webVersion}`] : []),
  ].join('\n');
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const htmlFooter =
    `<hr><p style="font-size:small;color:#555">${escapeHtml(t.why(sender.name))}<br>` +
    `${escapeHtml(t.from)} ${escapeHtml(sender.name)}, ${escapeHtml(sender.postalAddress)} · ${link(sender.siteUrl, sender.siteUrl)}<br>` +
    `${link(links.unsubscribePage, t.unsubscribe)}${links.webVersion ? ` · ${link(links.webVersion, t.web)}` : ''}</p>`;
  return {
    to,
    subject: content.subject,
    text: `${content.text.trim()}\n\n--\n${textFooter}\n`,
    html: `<!doctype html><html lang="${content.locale}"><body style="font-family:sans-serif;line-height:1.5">${content.html}${htmlFooter}</body></html>`,
    messageId,
    headers: {
      'List-Unsubscribe': `<${links.oneClickUnsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': sender.listId,
      Precedence: 'bulk',
      // Out-of-office replies to 34,000 addresses would flood the sender's mailbox.
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
    },
  };
}
