import { createECDH, randomBytes } from 'node:crypto';
import { everyone, MISSING, roles, signedIn, type Row } from './matrix';

const browser = createECDH('prime256v1');
browser.generateKeys();
/** One device every role subscribes in turn (idempotent per endpoint: it follows whoever subscribed it last). */
const subscription = {
  endpoint: 'http://127.0.0.1:9/push/matrix-device',
  keys: { p256dh: browser.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
};
/** No subscription by that id, or not one's own: the same 404 (push.e2e-spec.ts proves another member's is one too). */
const notFound = roles(401, 404);

/** Matrix rows of issue 18 (web push): the key is public; a device's subscription is its member's alone. */
export const PUSH_ROWS: Row[] = [
  { method: 'GET', path: '/api/push/key', expect: everyone(200) },
  // Receiving pushes changes nothing others see: a silenced member may still subscribe a device.
  { method: 'POST', path: '/api/push/subscriptions', body: subscription, expect: signedIn(201), evenSilenced: true },
  {
    method: 'DELETE',
    path: '/api/push/subscriptions/:id',
    url: () => `/api/push/subscriptions/${MISSING}`,
    expect: notFound,
    evenSilenced: true,
  },
  {
    method: 'DELETE',
    path: '/api/push/subscriptions/:id',
    url: () => '/api/push/subscriptions/junk',
    expect: notFound,
    evenSilenced: true,
  },
];
