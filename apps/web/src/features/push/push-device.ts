import type { PushKeyDto, PushSubscriptionBody, PushSubscriptionCreatedDto } from '@harbour/contracts';
import { api, ApiError } from '../../lib/api-client';

/** Where this browser keeps the id of its subscription on the server, to delete it when the member turns push off. */
const STORED_ID = 'harbour.push.subscription';
/** The push service's address for this device when the server was last told of it (see keepPushSubscription). */
const STORED_ENDPOINT = 'harbour.push.endpoint';

/** Whether this browser can receive web pushes at all (a service worker, the Push API and notifications). */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The push subscription this browser holds for the site, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export type EnableOutcome = 'enabled' | 'denied';

/**
 * Asks the browser for permission to show notifications, subscribes with the site's VAPID key and tells the
 * server (POST /api/push/subscriptions: the same device again keeps its one subscription).
 */
export async function enablePush(): Promise<EnableOutcome> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await api<PushKeyDto>('GET', '/push/key');
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) }));
  const json = subscription.toJSON();
  const body: PushSubscriptionBody = {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
  const { id } = await api<PushSubscriptionCreatedDto>('POST', '/push/subscriptions', body);
  localStorage.setItem(STORED_ID, id);
  localStorage.setItem(STORED_ENDPOINT, subscription.endpoint);
  return 'enabled';
}

/**
 * On a member's visit, for a device whose pushes they turned on: when the browser's push service replaced or
 * dropped the subscription since (public/sw.js renews it on `pushsubscriptionchange`, but may not be able to
 * tell the site), registers the current one with the site, subscribing again if it was dropped. Never asks for
 * permission: nothing happens unless it is still granted.
 */
export async function keepPushSubscription(): Promise<void> {
  if (!localStorage.getItem(STORED_ID) || !pushSupported() || Notification.permission !== 'granted') return;
  const subscription = await currentSubscription();
  if (subscription && subscription.endpoint === localStorage.getItem(STORED_ENDPOINT)) return;
  await enablePush();
}

/** Stops this device's pushes: on the server (its own subscription only) and in the browser. */
export async function disablePush(): Promise<void> {
  const id = localStorage.getItem(STORED_ID);
  if (id) {
    await api<void>('DELETE', `/push/subscriptions/${encodeURIComponent(id)}`).catch((error: unknown) => {
      // Already gone (another account took the device, or its push service said it left): nothing to undo.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    });
    localStorage.removeItem(STORED_ID);
    localStorage.removeItem(STORED_ENDPOINT);
  }
  await (await currentSubscription())?.unsubscribe();
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
