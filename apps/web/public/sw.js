// Harbour's service worker: shows web pushes, opens their link on a tap, and keeps the client's hashed
// assets (/assets/*, named by their content, served immutable) for the next visit on a slow connection.
// It caches nothing else: never /api/* (member data), never a page (a server-rendered page or index.html
// may carry a member's data, and must follow the server's own headers), never an upload (private files are
// no-store, public ones no-cache with an ETag: the browser's own cache already honours those).
'use strict';

/* global self, caches, clients */

const ASSETS = 'harbour-assets-v1';
/** Old builds' assets are never asked for again: beyond this many, the oldest go. */
const MAX_ASSETS = 80;

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Caches of an older version of this file are dropped; the new worker takes the open pages at once.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('harbour-') && name !== ASSETS).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/') || url.search) return;
  event.respondWith(fromCacheOrNetwork(request));
});

async function fromCacheOrNetwork(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // Only what the server itself marks immutable (a hashed asset); a 404 or anything else is not kept.
  if (response.ok && (response.headers.get('Cache-Control') || '').includes('immutable')) {
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_ASSETS)).map((key) => cache.delete(key)));
  }
  return response;
}

self.addEventListener('push', (event) => {
  // The server decides every word (api.md, Web push): "New activity" unless the member chose details.
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const title = typeof message.title === 'string' && message.title ? message.title : 'Harbour';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      tag: typeof message.tag === 'string' ? message.tag : 'activity',
      renotify: true,
      icon: '/icons/icon-192.png',
      data: { url: typeof message.url === 'string' ? message.url : '/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // Only a path on this site: a push cannot send the member anywhere else.
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  const url = target.origin === self.location.origin ? target.href : self.location.origin + '/';
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (!open) return clients.openWindow(url);
      const focused = await open.focus();
      return focused.navigate ? focused.navigate(url) : focused;
    }),
  );
});

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event).catch(() => undefined));
});

/**
 * The push service replaced or dropped this device's subscription (keys rotated, it expired): subscribe again
 * with the same options (the site's key) and tell the site, when this browser lets a worker read the CSRF
 * cookie (cookieStore). Otherwise the page does it on the member's next visit (features/push/push-device.ts,
 * keepPushSubscription): pushes in between go to the old address, which the site forgets on its 410.
 */
async function renewSubscription(event) {
  const options = event.oldSubscription ? event.oldSubscription.options : null;
  const subscription = event.newSubscription || (options ? await self.registration.pushManager.subscribe(options) : null);
  const csrf = subscription && self.cookieStore ? await self.cookieStore.get('harbour_csrf') : null;
  if (!subscription || !csrf) return;
  const keys = subscription.toJSON().keys || {};
  await fetch('/api/push/subscriptions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf.value },
    body: JSON.stringify({ endpoint: subscription.endpoint, keys: { p256dh: keys.p256dh || '', auth: keys.auth || '' } }),
  });
}
