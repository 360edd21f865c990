import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, thirty seconds. */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const WINDOW = 1;
const SEALED_PREFIX = 'v1';
export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 without the letters people confuse (i, l, o, u): ten characters carry 50 bits. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Keys for the two-factor secrets, derived from SESSION_SECRET so that a copy of the database alone opens
 * neither a TOTP secret nor a recovery code. Separate labels give separate keys.
 */
export class TwoFactorKeys {
  private readonly sealKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(sessionSecret: string) {
    this.sealKey = Buffer.from(hkdfSync('sha256', sessionSecret, 'harbour', 'totp-secret-seal', 32));
    this.codeKey = Buffer.from(hkdfSync('sha256', sessionSecret, 'harbour', 'recovery-code-hash', 32));
  }

  /** AES-256-GCM; the member's id is authenticated with it, so a sealed secret moved to another row does not open. */
  seal(secret: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [SEALED_PREFIX, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The secret, or null when the sealed value was altered, moved or sealed under another key. */
  open(sealed: string, userId: string): string | null {
    const [prefix, iv, tag, body] = sealed.split('.');
    if (prefix !== SEALED_PREFIX || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** What is stored for a recovery code: a keyed hash of its normalized form (64 hex characters). */
  hashRecoveryCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(normalizeRecoveryCode(code)).digest('hex');
  }
}

/** A new TOTP secret, base32 (160 bits, RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function otpauthUrl(secret: string, issuer: string, account: string): string {
  return totp(secret, issuer, account).toString();
}

/**
 * The time step a code belongs to, when it is valid now (within one step either side), or null.
 * otpauth answers the step difference, and 0 (a match now) is falsy: hence the explicit null test.
 */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** Ten fresh recovery codes, shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** Case, spaces and the dash do not matter when a recovery code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** A six-digit code is a TOTP code; anything else offered as a second factor is tried as a recovery code. */
export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

function totp(secret: string, issuer = 'Harbour', label = 'member'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secret) });
}
