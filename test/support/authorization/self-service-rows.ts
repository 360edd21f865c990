import { hashToken } from '@harbour/common';
import { sql } from '../database';
import type { TestMember } from '../factories';
import { everyone, MISSING, roles, signedIn, type Row } from './matrix';

/** Ending the member's other sessions ended the matrix's own token too: bring that one back. */
async function reopenMainSession(databaseUrl: string, member: TestMember): Promise<void> {
  await sql(databaseUrl, 'UPDATE sessions SET revoked_at = NULL WHERE token_hash = $1', [hashToken(member.token)]);
}

/**
 * Matrix rows of issue 15, part B (self-service): every route of the part × every role. Securing one's own
 * account (password, address, sessions) changes nothing others see, so silenced members may; what others see
 * of a member (display name, pronouns, bio) a silenced member may not change. A wrong password is a 403 before
 * anything changes; a session that is not the caller's is the missing-id 404 for every role, staff included.
 */
export const SELF_SERVICE_ROWS: Row[] = [
  { method: 'PATCH', path: '/api/me', body: {}, expect: signedIn(200), evenSilenced: true },
  { method: 'PATCH', path: '/api/me', body: { discreet: false, messagesFrom: 'everyone' }, expect: signedIn(200), evenSilenced: true },
  // Silenced members get the derived 403: a name or a bio is speech.
  { method: 'PATCH', path: '/api/me', body: { pronouns: 'they/them' }, expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/me/password',
    body: { currentPassword: 'not the password', newPassword: 'a new long password' },
    expect: signedIn(403),
    evenSilenced: true,
  },
  {
    method: 'POST',
    path: '/api/me/email',
    body: { password: 'not the password', email: 'elsewhere@example.org' },
    expect: signedIn(403),
    evenSilenced: true,
  },
  // The matrix's members verified their address at registration; the site's first account (the admin) was exempt.
  { method: 'POST', path: '/api/me/verify-email', expect: roles(401, 409, { admin: 202 }), evenSilenced: true },
  { method: 'POST', path: '/api/auth/verify-email', body: { token: 'not-a-real-token' }, expect: everyone(400) },
  { method: 'GET', path: '/api/me/sessions', expect: signedIn(200) },
  {
    method: 'DELETE',
    path: '/api/me/sessions',
    expect: signedIn(204),
    ownSession: true,
    evenSilenced: true,
    after: reopenMainSession,
  },
  // "My address works again" (issue 21): the member's own mail, nothing others see; a 204 with or without a problem.
  { method: 'DELETE', path: '/api/me/email-problem', expect: signedIn(204), evenSilenced: true },
  {
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    url: () => `/api/me/sessions/${MISSING}`,
    expect: signedIn(404),
    evenSilenced: true,
  },
];
