import { signedIn, type Row } from './matrix';

/**
 * Matrix rows of issue 15, part C (two-factor): every route of the part × every role. Each is the member's own
 * set-up, so every signed-in role gets the same answer, silenced members included (securing one's account
 * changes nothing others see). The wrong password answers 403 before anything is stored; confirming before
 * any set-up is a 409.
 */
export const TWO_FACTOR_ROWS: Row[] = [
  { method: 'POST', path: '/api/me/2fa', body: { password: 'not the password' }, expect: signedIn(403), evenSilenced: true },
  { method: 'POST', path: '/api/me/2fa/confirm', body: { code: '123456' }, expect: signedIn(409), evenSilenced: true },
  {
    method: 'DELETE',
    path: '/api/me/2fa',
    body: { password: 'not the password', code: '123456' },
    expect: signedIn(403),
    evenSilenced: true,
  },
];
