import type { OutgoingMail } from '../mail.transport';

/** Escapes text for the HTML part of a message. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A plain, readable HTML body: paragraphs, one call-to-action link, then closing paragraphs. */
export function htmlMessage(paragraphs: string[], action?: { label: string; url: string }, after: string[] = []): string {
  const html = (list: string[]) => list.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : '';
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${html(paragraphs)}${button}${html(after)}</body></html>`;
}

/** The words of a message that carries one link: what it is, the link's label, and how long it works. */
export interface LinkMailText {
  subject: string;
  intro: string;
  expiry: string;
  action: string;
}

/** A message with one link, as plain text and HTML. */
export function linkMail(to: string, text: LinkMailText, link: string): OutgoingMail {
  return {
    to,
    subject: text.subject,
    text: `${text.intro}\n\n${link}\n\n${text.expiry}\n`,
    html: htmlMessage([text.intro], { label: text.action, url: link }, [text.expiry]),
  };
}

/** Where a notification or digest email's footer leads: this kind of mail off, or all mail choices. */
export interface UnsubscribeLinks {
  unsubscribePage: string;
  oneClickUnsubscribe: string;
  preferencesPage: string;
}

/**
 * A member's mail about the forum (notifications, digests): the body's HTML and text, ending with the
 * links to stop this kind of mail and to choose others, and the RFC 8058 one-click headers.
 */
export function memberMail(
  to: string,
  subject: string,
  body: { text: string[]; html: string },
  action: { label: string; url: string },
  footer: { stop: string; choose: string },
  links: UnsubscribeLinks,
): OutgoingMail {
  const text = [
    ...body.text,
    `${action.label}: ${action.url}`,
    `--\n${footer.stop}: ${links.unsubscribePage}\n${footer.choose}: ${links.preferencesPage}`,
  ].join('\n\n');
  const html =
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${body.html}` +
    `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` +
    `<hr><p style="font-size:small"><a href="${escapeHtml(links.unsubscribePage)}">${escapeHtml(footer.stop)}</a> · ` +
    `<a href="${escapeHtml(links.preferencesPage)}">${escapeHtml(footer.choose)}</a></p></body></html>`;
  return {
    to,
    subject,
    text: `${text}\n`,
    html,
    headers: { 'List-Unsubscribe': `<${links.oneClickUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
