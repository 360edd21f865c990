import { ClientAllowance } from './client-allowance';

describe('ClientAllowance: so many acts a minute per client address', () => {
  it('allows the minute’s share, refuses the next, and starts again a minute later', () => {
    const allowance = new ClientAllowance(3);
    const at = 1_000_000;
    expect([1, 2, 3, 4].map(() => allowance.take('192.0.2.1', at))).toEqual([true, true, true, false]);
    expect(allowance.take('192.0.2.2', at)).toBe(true);
    expect(allowance.take('192.0.2.1', at + 59_999)).toBe(false);
    expect(allowance.take('192.0.2.1', at + 60_000)).toBe(true);
  });

  it('forgets old clients once it holds many, so a flood of addresses cannot grow it without end', () => {
    const allowance = new ClientAllowance(1);
    for (let i = 0; i < 10_001; i++) allowance.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(allowance.take('10.0.0.0', 60_000)).toBe(true);
    expect((allowance as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
