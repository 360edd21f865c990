/** Web push (api.md, Web push): the site's VAPID key and a device's subscription. */

/** `GET /api/push/key`: the application server key a browser subscribes with. */
export interface PushKeyDto {
  /** base64url, uncompressed P-256 point (65 bytes). */
  publicKey: string;
}

/** `POST /api/push/subscriptions`: what `PushSubscription.toJSON()` gives (its `expirationTime` is not needed). */
export interface PushSubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What `POST /api/push/subscriptions` answers (201): the id to delete it by. */
export interface PushSubscriptionCreatedDto {
  id: string;
}

/** What a push message carries (JSON, encrypted for the device): what the service worker shows. */
export interface PushMessage {
  title: string;
  body: string;
  /** A path on the site that a tap on the notification opens. */
  url: string;
  /** Messages with one tag replace each other on the device. */
  tag: string;
}
