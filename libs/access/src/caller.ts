import type { GroupRole, Locale, Role } from '@harbour/contracts';

/** Who is asking: a signed-in member, or null for an anonymous visitor. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  /** The member's language: their emails, and their posts' search language when the words do not tell. */
  locale: Locale;
  sessionId: string;
  /** The member's groups and their role in each, read with the session on every request. */
  groups: Readonly<Record<string, GroupRole>>;
  /** A silenced member may read; every write answers 403. */
  silenced: boolean;
  /** How the session token arrived: cookie requests must pass the CSRF check, bearer requests need not. */
  via: 'cookie' | 'bearer';
}

export const SESSION_COOKIE = 'harbour_session';
export const CSRF_COOKIE = 'harbour_csrf';
export const CSRF_HEADER = 'x-csrf-token';
