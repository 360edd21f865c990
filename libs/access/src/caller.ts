import type { Role } from '@harbour/contracts';

/** Who is asking: a signed-in member, or null for an anonymous visitor. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  sessionId: string;
  /** How the session token arrived: cookie requests must pass the CSRF check, bearer requests need not. */
  via: 'cookie' | 'bearer';
}

export const SESSION_COOKIE = 'harbour_session';
export const CSRF_COOKIE = 'harbour_csrf';
export const CSRF_HEADER = 'x-csrf-token';
