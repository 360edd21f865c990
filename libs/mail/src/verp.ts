import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { OutgoingMail } from '@harbour/contracts';

/** Whose bounces a return path collects: a member's own mail, or one recipient of a mailing. */
export type BounceTarget = NonNullable<OutgoingMail['bounceTo']>;

/** Hex digits of the HMAC kept: 64 bits, beyond guessing at an SMTP server's pace. */
const MAC_LENGTH = 16;
const MEMBER = /^u([0-9a-f]{32})-([0-9a-f]{16})$/;
const DELIVERY = /^m([0-9a-z]{1,13})-([0-9a-f]{16})$/;

/**
 * The token of a return path `bounce+<token>@REPLY_DOMAIN` (VERP): the target, named in the clear, and an
 * HMAC of it under a key derived from the site's secret. Nothing is stored, so a report arriving weeks later
 * still finds its member or delivery, and a forged or altered one opens to nothing. Lower-case letters and
 * digits only: mail servers may fold a local part's case. At most 50 characters (`bounce+` + 50 ≤ 64).
 */
export function bounceToken(secret: string, target: BounceTarget): string {
  const body = 'userId' in target ? `u${target.userId.replace(/-/g, '').toLowerCase()}` : `m${BigInt(target.deliveryId).toString(36)}`;
  return `${body}-${mac(secret, body)}`;
}

/** The target a token was made for, or null for anything forged, altered or of another form. */
export function openBounceToken(secret: string, token: string): BounceTarget | null {
  const member = MEMBER.exec(token);
  const delivery = member ? null : DELIVERY.exec(token);
  const match = member ?? delivery;
  if (!match) return null;
  const body = token.slice(0, token.lastIndexOf('-'));
  const expected = Buffer.from(mac(secret, body));
  if (!timingSafeEqual(expected, Buffer.from(match[2] ?? ''))) return null;
  if (member) {
    const hex = member[1] ?? '';
    return { userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
  }
  const id = [...(delivery?.[1] ?? '')].reduce((sum, digit) => sum * 36n + BigInt(parseInt(digit, 36)), 0n);
  // A bigint column: a larger number names no row (and would make PostgreSQL fail, not answer).
  return id > 0n && id <= 9223372036854775807n ? { deliveryId: id.toString() } : null;
}

const keys = new Map<string, Buffer>();

function mac(secret: string, body: string): string {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'harbour', 'bounce return path', 32));
    keys.set(secret, key);
  }
  return createHmac('sha256', key).update(body).digest('hex').slice(0, MAC_LENGTH);
}
