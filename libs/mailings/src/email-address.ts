import { InvalidInputError } from '@harbour/common';
import { domainToASCII } from 'node:url';

/**
 * One spelling per mailbox: trimmed, lower-cased, the domain in its ASCII (punycode) form. Returns null
 * for what cannot be mailed: no "@", spaces, control or invisible characters, a non-ASCII local part
 * (few servers accept SMTPUTF8), a domain without a dot, or more than 254 characters.
 */
export function normalizeEmail(raw: string): string | null {
  const value = raw.normalize('NFC').trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  const domain = domainToASCII(value.slice(at + 1).toLowerCase());
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return null;
  }
  if (
    !domain ||
    !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ||
    domain.split('.').some((label) => label.startsWith('-') || label.endsWith('-'))
  ) {
    return null;
  }
  const email = `${local.toLowerCase()}@${domain}`;
  return email.length <= 254 ? email : null;
}

/** The address as the list stores it, or a 400 naming the field. */
export function mailable(raw: string): string {
  const email = normalizeEmail(raw);
  if (!email) throw new InvalidInputError('email cannot receive mail (check the address; accented names before the @ are not supported)');
  return email;
}
