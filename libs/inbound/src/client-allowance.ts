/**
 * So many acts a minute per client address, in this process's memory (each process behind a relay counts its
 * own; the relay in front is the first line). Kept small: entries older than a minute are dropped as it goes.
 */
export class ClientAllowance {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts one act from `client`; false once the minute's allowance is spent. */
  take(client: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) this.forgetOld(now);
    const window = this.windows.get(client);
    if (!window || now - window.startedAt >= 60_000) {
      this.windows.set(client, { startedAt: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perMinute;
  }

  private forgetOld(now: number): void {
    for (const [client, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(client);
  }
}
