import { bounceToken, openBounceToken } from './verp';

const SECRET = 'a secret of more than thirty-two characters';
const USER = '0b6f2c3e-9a41-4d7e-8f00-5c2b1a9d7e63';

describe('bounce tokens (VERP)', () => {
  it('open to the member or delivery they were made for, lower-case and short enough for a local part', () => {
    for (const target of [{ userId: USER }, { deliveryId: '1' }, { deliveryId: '9223372036854775807' }]) {
      const token = bounceToken(SECRET, target);
      expect(token).toMatch(/^[a-z0-9-]{8,56}$/);
      expect(`bounce+${token}`.length).toBeLessThanOrEqual(64);
      expect(openBounceToken(SECRET, token)).toEqual(target);
    }
  });

  it('open to nothing when forged, altered, made under another secret or of another form', () => {
    const token = bounceToken(SECRET, { deliveryId: '12345' });
    const [body, mac] = token.split('-') as [string, string];
    expect(openBounceToken(SECRET, `${body}0-${mac}`)).toBeNull();
    expect(openBounceToken(SECRET, `${body}-${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}`)).toBeNull();
    expect(openBounceToken('another secret of more than thirty-two chars', token)).toBeNull();
    expect(openBounceToken(SECRET, bounceToken(SECRET, { userId: USER }).replace(/^u0/, 'u1'))).toBeNull();
    for (const junk of ['', 'm-', 'x1-0123456789abcdef', `m${'z'.repeat(13)}-0123456789abcdef`, token.toUpperCase()]) {
      expect(openBounceToken(SECRET, junk)).toBeNull();
    }
  });
});
