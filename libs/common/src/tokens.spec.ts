import { hashToken, keyedHash, newToken } from './tokens';

describe('tokens', () => {
  it('makes 256-bit URL-safe tokens that never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores a token as its SHA-256, from which the token cannot be read back', () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
  });

  it('keys address hashes with the secret: another site cannot match them', () => {
    expect(keyedHash('secret-a', '203.0.113.7')).not.toBe(keyedHash('secret-b', '203.0.113.7'));
    expect(keyedHash('secret-a', '203.0.113.7')).not.toContain('203');
  });
});
