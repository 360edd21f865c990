import { adminOnly, everyone, MISSING, signedIn, type Row } from './matrix';

/** Matrix rows: search, notifications, the mailing list and mailings. */
export const NOTIFICATION_AND_MAIL_ROWS: Row[] = [
  { method: 'GET', path: '/api/search', url: () => '/api/search?q=matrix', expect: everyone(200) },
  { method: 'GET', path: '/api/search', url: () => '/api/search', expect: everyone(400) },
  { method: 'GET', path: '/api/notifications', expect: signedIn(200) },
  { method: 'GET', path: '/api/notifications/unread-count', expect: signedIn(200) },
  { method: 'POST', path: '/api/notifications/read', body: { all: true }, expect: signedIn(204), evenSilenced: true },
  { method: 'GET', path: '/api/notifications/preferences', expect: signedIn(200) },
  { method: 'PATCH', path: '/api/notifications/preferences', body: { digest: 'off' }, expect: signedIn(200), evenSilenced: true },
  // The token decides, not the session: a forged one is refused for everyone alike.
  { method: 'POST', path: '/api/notifications/unsubscribe', body: { token: 'forged.token' }, expect: everyone(400), evenSilenced: true },
  // The mailing list's public side: the form, and links whose token decides (a forged one is refused alike).
  { method: 'POST', path: '/api/mailing/subscribe', body: { email: 'matrix@example.org' }, expect: everyone(202), evenSilenced: true },
  { method: 'GET', path: '/api/mailing/confirm', url: () => '/api/mailing/confirm?token=forged', expect: everyone(404) },
  { method: 'GET', path: '/api/mailing/unsubscribe', url: () => '/api/mailing/unsubscribe?token=forged', expect: everyone(400) },
  { method: 'POST', path: '/api/mailing/unsubscribe', body: { token: 'forged' }, expect: everyone(400), evenSilenced: true },
  { method: 'POST', path: '/api/mailing/resubscribe', body: { token: 'forged' }, expect: everyone(400), evenSilenced: true },
  { method: 'GET', path: '/api/mailing/me', expect: signedIn(200) },
  { method: 'PUT', path: '/api/mailing/me', body: { subscribed: false }, expect: signedIn(200), evenSilenced: true },
  // The list and the mailings: admins only (a JSON body is not a CSV import: 400 once allowed).
  { method: 'POST', path: '/api/mailing/subscribers/import', body: {}, expect: adminOnly(400) },
  { method: 'GET', path: '/api/mailing/subscribers', expect: adminOnly(200) },
  { method: 'GET', path: '/api/mailing/subscribers/export', expect: adminOnly(200) },
  { method: 'GET', path: '/api/mailing/subscribers/counts', expect: adminOnly(200) },
  {
    method: 'PATCH',
    path: '/api/mailing/subscribers/:id',
    url: () => `/api/mailing/subscribers/${MISSING}`,
    body: { status: 'complained' },
    expect: adminOnly(404),
  },
  { method: 'GET', path: '/api/mailings', expect: adminOnly(200) },
  { method: 'POST', path: '/api/mailings', body: { subject: 'Matrix', body: 'x', audience: 'subscribers' }, expect: adminOnly(201) },
  { method: 'GET', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, expect: adminOnly(404) },
  { method: 'PATCH', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, body: { subject: 'x' }, expect: adminOnly(404) },
  { method: 'DELETE', path: '/api/mailings/:id', url: () => `/api/mailings/${MISSING}`, expect: adminOnly(404) },
  { method: 'GET', path: '/api/mailings/:id/preview', url: () => `/api/mailings/${MISSING}/preview`, expect: adminOnly(404) },
  {
    method: 'GET',
    path: '/api/mailings/:id/recipient-count',
    url: () => `/api/mailings/${MISSING}/recipient-count`,
    expect: adminOnly(404),
  },
  {
    method: 'POST',
    path: '/api/mailings/:id/test',
    url: () => `/api/mailings/${MISSING}/test`,
    body: { email: 'matrix@example.org' },
    expect: adminOnly(404),
  },
  { method: 'POST', path: '/api/mailings/:id/send', url: () => `/api/mailings/${MISSING}/send`, body: {}, expect: adminOnly(404) },
  { method: 'POST', path: '/api/mailings/:id/cancel', url: () => `/api/mailings/${MISSING}/cancel`, expect: adminOnly(404) },
  // The public archive: a group's mailing or a missing id is the same 404 for everyone.
  { method: 'GET', path: '/api/mailings/archive', expect: everyone(200) },
  { method: 'GET', path: '/api/mailings/archive/:id', url: () => `/api/mailings/archive/${MISSING}`, expect: everyone(404) },
];
