import { adminOnly, roles, type Row } from './matrix';

/** Matrix rows of issue 15, part E (leaving): every route of the part × every role. */
export const LEAVING_ROWS: Row[] = [
  // Every member may take their data out, silenced or not (the matrix members all share the factory's password).
  { method: 'POST', path: '/api/me/export', body: { password: 'correct horse battery' }, expect: roles(401, 200), evenSilenced: true },
  // Past the guard (a bad `posts` answers 400, naming it) for every member, silenced included; nobody is deleted here.
  {
    method: 'DELETE',
    path: '/api/me',
    body: { password: 'correct horse battery', posts: 'keep' },
    expect: roles(401, 400),
    evenSilenced: true,
  },
  {
    method: 'DELETE',
    path: '/api/admin/users/:id',
    // Only the admin reaches the account: a fresh member of their own; the others are refused before it.
    url: async (ids, role) => `/api/admin/users/${role === 'admin' ? await ids.freshGroupMember() : ids.victim}`,
    body: { posts: 'anonymize' },
    expect: adminOnly(204),
  },
];
