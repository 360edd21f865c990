import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@harbour/common';

/**
 * The unsubscribe link of an alert email: the member, signed with the site's secret (as notifications' links
 * are, with a purpose of its own so one kind of token never works as the other). Nothing is stored.
 */
export function alertUnsubscribeToken(secret: string, userId: string): string {
  const payload = Buffer.from(userId).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function readAlertUnsubscribeToken(secret: string, token: string): string | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const userId = Buffer.from(payload, 'base64url').toString('utf8');
  return isUuid(userId) ? userId : null;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`alerts-unsubscribe:${payload}`).digest('base64url');
}
