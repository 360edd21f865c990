import { adminOnly, signedIn, type Row } from './matrix';

/**
 * Matrix rows of issue 20 (discreet mode): no new route, new fields on existing ones. A member's own discreet choices
 * are a safety measure a silenced member may still make; the quick-exit address is the admins' to change (everyone
 * reads it on GET /api/site, already a row: a visitor's page offers the quick exit too).
 */
export const DISCREET_ROWS: Row[] = [
  { method: 'PATCH', path: '/api/me', body: { discreet: false, signOutOnQuickExit: false }, expect: signedIn(200), evenSilenced: true },
  { method: 'PATCH', path: '/api/admin/settings', body: { quickExitUrl: 'https://www.google.com/' }, expect: adminOnly(200) },
];
