import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The unsubscribe link's token: the address, encrypted and authenticated (AES-256-GCM) with a key derived
 * from the site's secret. Nothing is stored, so a link in a year-old mailing still works and a test send or
 * a group member without a subscriber row can unsubscribe too; the address never appears in a URL (proxy
 * and mail-scanner logs keep URLs), and an altered token opens to nothing.
 */
export function sealAddress(secret: string, email: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const sealed = Buffer.concat([cipher.update(email, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The address a token was made for, or null for anything forged, altered or truncated. */
export function openAddress(secret: string, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{40,600}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const keys = new Map<string, Buffer>();

function keyFrom(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'harbour', 'mailing unsubscribe token', 32));
    keys.set(secret, key);
  }
  return key;
}
