/**
 * A token bucket per socket: `burst` events at once, refilled at `perSecond`. A client over the limit is
 * answered `rate_limited`; one that keeps flooding after `strikes` refusals is disconnected.
 */
export class SocketRateLimit {
  private tokens: number;
  private last: number;
  private refused = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly strikes: number,
    now: number = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** 'ok' to handle the event, 'refuse' to answer rate_limited, 'disconnect' to drop the socket. */
  take(now: number = Date.now()): 'ok' | 'refuse' | 'disconnect' {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refused = 0;
      return 'ok';
    }
    this.refused += 1;
    return this.refused > this.strikes ? 'disconnect' : 'refuse';
  }
}
