import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@harbour/common';
import { NOTIFICATION_TYPES, type NotificationType } from '@harbour/contracts';

/** What an unsubscribe link turns off: one type of notification email, or the digest. */
export type MailKind = NotificationType | 'digest';

const KINDS: readonly string[] = [...NOTIFICATION_TYPES, 'digest'];

/**
 * A one-click unsubscribe token: the member and the kind of mail, signed with the site's secret. Nothing is
 * stored, so a link in a month-old email still works, and a forged or altered one does nothing.
 */
export function unsubscribeToken(secret: string, userId: string, kind: MailKind): string {
  const payload = Buffer.from(`${userId}|${kind}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: MailKind } | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = Buffer.from(payload, 'base64url').toString('utf8').split('|');
  if (!userId || !kind || !isUuid(userId) || !KINDS.includes(kind)) return null;
  return { userId, kind: kind as MailKind };
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}
