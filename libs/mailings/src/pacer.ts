/**
 * Spaces calls to at most `perSecond` (0: no limit). One pacer serves a whole worker process, so two
 * mailings sending at once share the configured rate instead of doubling it.
 */
export class Pacer {
  private nextAt = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
  ) {}

  /** Resolves when the next call may go. */
  async wait(): Promise<void> {
    if (this.perSecond <= 0) return;
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + 1000 / this.perSecond;
    if (at > now) await this.clock.sleep(at - now);
  }
}
