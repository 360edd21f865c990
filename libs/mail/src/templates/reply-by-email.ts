import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml } from './layout';

/** The line at the top of an email that can be answered: whatever is below it in a reply is the quoted email. */
export const REPLY_MARKER: Record<Locale, string> = {
  en: '## Write your reply above this line ##',
  fr: '## Écrivez votre réponse au-dessus de cette ligne ##',
};

/**
 * An email the member can answer (api.md 1.1, Mail both ways): Reply-To the address made for it, the marker
 * on top, and Auto-Submitted (RFC 3834) so that a mailbox that forwards it back to us is seen as a loop and an
 * out-of-office knows not to answer.
 */
export function withReplyAddress(mail: OutgoingMail, replyTo: string, locale: Locale): OutgoingMail {
  const marker = REPLY_MARKER[locale];
  return {
    ...mail,
    replyTo,
    text: `${marker}\n\n${mail.text}`,
    html: mail.html.replace(/(<body[^>]*>)/, `$1<p style="color:#888;font-size:small">${escapeHtml(marker)}</p>`),
    headers: { ...mail.headers, 'Auto-Submitted': 'auto-generated' },
  };
}
