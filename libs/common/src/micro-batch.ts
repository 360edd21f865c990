/**
 * Gathers items that arrive close together and hands them to `handle` as one batch: when `maxItems` are
 * waiting, or `delayMs` after the first one. One batch runs at a time; items that arrive meanwhile wait
 * for the next, so under load batches grow instead of queries multiplying. What the handler throws goes
 * to `onError`: a batch is never retried here (callers that must not lose work keep it durable elsewhere).
 */
export class MicroBatch<T> {
  private waiting: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly handle: (items: T[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly options: { delayMs: number; maxItems: number },
  ) {}

  add(item: T): void {
    this.waiting.push(item);
    if (this.running) return; // the batch in flight starts the next one when it ends
    if (this.waiting.length >= this.options.maxItems) this.flushSoon(0);
    else if (!this.timer) this.flushSoon(this.options.delayMs);
  }

  /** Runs whatever is waiting and resolves when nothing is (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.running || this.waiting.length > 0) {
      if (this.running) await this.running;
      else this.flushNow();
    }
  }

  private flushSoon(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushNow(), delayMs);
    this.timer.unref();
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting.splice(0, this.options.maxItems);
    if (batch.length === 0) return;
    this.running = this.handle(batch)
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.waiting.length > 0) this.flushSoon(0);
      });
  }
}
