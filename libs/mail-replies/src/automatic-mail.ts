import type { ParsedMail } from 'mailparser';

/** More hops than this and the message is going round in circles (RFC 5321 suggests at least 100; mail takes < 20). */
const MAX_HOPS = 30;

/**
 * Whether a message was sent by a program rather than a person: an auto-reply, a bounce, a list's mail, or our
 * own mail come back (a forwarding loop: ours carry Auto-Submitted). Such mail is taken and dropped, never
 * answered (RFC 3834): answering a robot is how mail loops start.
 */
export function isAutomatic(parsed: ParsedMail, mailFrom: string): boolean {
  if (mailFrom === '') return true;
  const header = (name: string): string => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : value === undefined ? '' : JSON.stringify(value).toLowerCase();
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence'))) return true;
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '' || header('list-id') !== '') return true;
  if (/^(mailer-daemon|postmaster)@/i.test(mailFrom)) return true;
  const received = parsed.headers.get('received');
  return Array.isArray(received) && received.length > MAX_HOPS;
}
