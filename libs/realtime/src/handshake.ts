import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '@harbour/access';

/** The session token a handshake carries: `auth.token` (scripts, apps) or the session cookie (the web client). */
export function handshakeToken(auth: unknown, headers: IncomingHttpHeaders): { token: string; via: 'bearer' | 'cookie' } | null {
  const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  if (typeof token === 'string' && token.length > 0) return { token, via: 'bearer' };
  const cookie = (headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? { token: decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)), via: 'cookie' } : null;
}

/**
 * Cookies ride along on any cross-site WebSocket: a cookie-authenticated handshake must come from a page
 * of this site, i.e. its Origin is PUBLIC_URL's origin or the host the request was sent to.
 */
export function isOwnOrigin(headers: IncomingHttpHeaders, publicUrl: string): boolean {
  const origin = headers.origin;
  if (!origin) return false;
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}
