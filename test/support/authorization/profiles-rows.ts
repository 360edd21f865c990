import { everyone, roles, signedIn, type Row } from './matrix';

/** Only a member of the group has a membership to read or hide; anyone else gets the missing-id 404. */
const ownMembership = (status: number) => roles(401, 404, { member: status, groupModerator: status, groupOwner: status });

/** Matrix rows of issue 15, part A (profiles): every route of the part × every role. */
export const PROFILE_ROWS: Row[] = [
  { method: 'GET', path: '/api/users', url: () => '/api/users?prefix=m', expect: signedIn(200) },
  { method: 'GET', path: '/api/users/:username', url: (f) => `/api/users/${f.bystander.user.username}`, expect: everyone(200) },
  { method: 'GET', path: '/api/users/:username/posts', url: (f) => `/api/users/${f.bystander.user.username}/posts`, expect: everyone(200) },
  { method: 'GET', path: '/api/avatars/:userId', url: (f) => `/api/avatars/${f.victim}`, expect: everyone(200) },
  // No file: a member reaches the upload's own check (400 naming it); the matrix sends JSON bodies only.
  { method: 'PUT', path: '/api/me/avatar', expect: signedIn(400) },
  { method: 'DELETE', path: '/api/me/avatar', expect: signedIn(200), evenSilenced: true },
  { method: 'GET', path: '/api/groups/:slug/membership', url: (f) => `/api/groups/${f.group.slug}/membership`, expect: ownMembership(200) },
  {
    method: 'PATCH',
    path: '/api/groups/:slug/membership',
    url: (f) => `/api/groups/${f.group.slug}/membership`,
    body: { hiddenOnProfile: false },
    expect: ownMembership(200),
    evenSilenced: true,
  },
];
