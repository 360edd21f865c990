import { openAddress, sealAddress } from './mailing-token';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('the unsubscribe token', () => {
  it('opens to the address it was sealed for, and does not show it', () => {
    const token = sealAddress(SECRET, 'alex@example.org');
    expect(token).not.toContain('alex');
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('alex');
    expect(openAddress(SECRET, token)).toBe('alex@example.org');
  });

  it('opens to nothing when forged, altered, truncated or sealed with another secret', () => {
    const token = sealAddress(SECRET, 'alex@example.org');
    const flipped = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(openAddress(SECRET, flipped)).toBeNull();
    expect(openAddress(SECRET, token.slice(0, -4))).toBeNull();
    expect(openAddress(`${SECRET}x`, token)).toBeNull();
    expect(openAddress(SECRET, 'not a token')).toBeNull();
    expect(openAddress(SECRET, '')).toBeNull();
  });
});
