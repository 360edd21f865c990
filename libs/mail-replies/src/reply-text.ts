import EmailReplyParser from 'email-reply-parser';
import { REPLY_MARKER } from '@harbour/mail';

/** Our marker as it comes back: in any case, quoted ("> ") or not, in either language. */
const MARKER_LINE = new RegExp(`^[>\\s]*(${Object.values(REPLY_MARKER).map(escapeRegExp).join('|')})\\s*$`, 'imu');

/** The most of a message's text read at all: a post is far shorter, and the parser's expressions stay fast. */
const MAX_TEXT = 100_000;

/**
 * What the member wrote, without what they answered: cut at our marker, then quoted text ("On … wrote:",
 * "Le … a écrit :", Outlook's headers, "> " lines) and signatures ("-- ", "Sent from my phone", "Envoyé de mon
 * iPhone") removed by email-reply-parser. Line endings become "\n"; blank at both ends trimmed.
 */
export function replyText(text: string): string {
  let body = text.slice(0, MAX_TEXT).replace(/\r\n?/g, '\n');
  const marker = MARKER_LINE.exec(body);
  if (marker) body = body.slice(0, marker.index);
  return new EmailReplyParser().read(body).getVisibleText().trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
