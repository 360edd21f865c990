import type { CookieOptions, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from '@harbour/access';
import { newToken } from '@harbour/common';

const MAX_AGE_MS = 30 * 86400_000;

/**
 * Sets the httpOnly session cookie and the readable CSRF cookie the client echoes as X-CSRF-Token
 * (double-submit: another site can make the browser send cookies, but cannot read them).
 */
export function setSessionCookies(response: Response, token: string, secure: boolean): void {
  const base: CookieOptions = { sameSite: 'lax', secure, path: '/', maxAge: MAX_AGE_MS };
  response.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  response.cookie(CSRF_COOKIE, newToken(), { ...base, httpOnly: false });
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { sameSite: 'lax', secure, path: '/', httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { sameSite: 'lax', secure, path: '/' });
}
