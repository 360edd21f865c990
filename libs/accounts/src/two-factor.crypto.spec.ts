import { TOTP, Secret } from 'otpauth';
import { matchingStep, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, otpauthUrl, TwoFactorKeys } from './two-factor.crypto';

const keys = new TwoFactorKeys('a-session-secret-of-more-than-32-characters');
const code = (secret: string, timestamp: number): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });

describe('two-factor secrets at rest', () => {
  it('opens what it sealed, for the same member only, and nothing altered or sealed under another key', () => {
    const secret = newTotpSecret();
    const sealed = keys.seal(secret, 'member-1');
    expect(sealed).not.toContain(secret);
    expect(keys.open(sealed, 'member-1')).toBe(secret);
    expect(keys.open(sealed, 'member-2')).toBeNull();
    expect(new TwoFactorKeys('another-session-secret-of-32-characters!').open(sealed, 'member-1')).toBeNull();
    const [prefix, iv, tag, body] = sealed.split('.');
    const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(keys.open([prefix, iv, tag, flipped].join('.'), 'member-1')).toBeNull();
    expect(keys.open('not sealed at all', 'member-1')).toBeNull();
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(keys.seal('JBSWY3DPEHPK3PXP', 'm')).not.toBe(keys.seal('JBSWY3DPEHPK3PXP', 'm'));
  });
});

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_015_000;
  const step = Math.floor(now / 30_000);

  it('accepts the current code and one step either side, naming the step each belongs to', () => {
    expect(matchingStep(secret, code(secret, now), now)).toBe(step);
    expect(matchingStep(secret, code(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(secret, code(secret, now + 30_000), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, and codes of another secret', () => {
    expect(matchingStep(secret, code(secret, now - 60_000), now)).toBeNull();
    expect(matchingStep(secret, code(secret, now + 60_000), now)).toBeNull();
    expect(matchingStep(newTotpSecret(), code(secret, now), now)).toBeNull();
  });

  it('gives authenticator apps an otpauth address with the site, the member and the usual parameters', () => {
    const url = new URL(otpauthUrl(secret, 'Harbour Network', 'river'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Harbour Network');
    expect(Object.fromEntries(['algorithm', 'digits', 'period'].map((k) => [k, url.searchParams.get(k)]))).toEqual({
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(decodeURIComponent(url.pathname)).toContain('river');
  });
});

describe('recovery codes', () => {
  it('makes ten different codes shown as xxxxx-xxxxx, hashed the same however they are typed back', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const one of codes) expect(one).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const first = codes[0]!;
    expect(normalizeRecoveryCode(` ${first.toUpperCase().replace('-', ' ')} `)).toBe(first.replace('-', ''));
    expect(keys.hashRecoveryCode(first.toUpperCase())).toBe(keys.hashRecoveryCode(first));
    expect(keys.hashRecoveryCode(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.hashRecoveryCode(first)).not.toBe(keys.hashRecoveryCode(codes[1]!));
  });
});
