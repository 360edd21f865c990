import { SocketRateLimit } from './socket-rate-limit';

describe('the per-socket rate limit', () => {
  it('lets a burst through, refuses the excess, refills with time, and drops a flooder', () => {
    const limit = new SocketRateLimit(3, 1, 2, 0);
    expect([limit.take(0), limit.take(0), limit.take(0)]).toEqual(['ok', 'ok', 'ok']);
    expect(limit.take(0)).toBe('refuse');
    expect(limit.take(1000)).toBe('ok');
    expect([limit.take(1000), limit.take(1000), limit.take(1000)]).toEqual(['refuse', 'refuse', 'disconnect']);
  });
});
