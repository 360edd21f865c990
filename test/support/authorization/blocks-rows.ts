import { MISSING, signedIn, type Row } from './matrix';

/**
 * Matrix rows of issue 15, part D (blocks): every route of the part × every role. Every signed-in member may
 * block (a silenced one too: it changes nothing others see); the target is the victim, a member no role is.
 */
export const BLOCK_ROWS: Row[] = [
  { method: 'GET', path: '/api/me/blocks', expect: signedIn(200) },
  {
    method: 'PUT',
    path: '/api/me/blocks/:userId',
    url: (ids) => `/api/me/blocks/${ids.victim}`,
    expect: signedIn(204),
    evenSilenced: true,
  },
  {
    method: 'DELETE',
    path: '/api/me/blocks/:userId',
    url: (ids) => `/api/me/blocks/${ids.victim}`,
    expect: signedIn(204),
    evenSilenced: true,
  },
  // An unknown member is the same 404 for every signed-in role, and nothing for a visitor.
  { method: 'PUT', path: '/api/me/blocks/:userId', url: () => `/api/me/blocks/${MISSING}`, expect: signedIn(404), evenSilenced: true },
];
