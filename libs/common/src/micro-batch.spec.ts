import { MicroBatch } from './micro-batch';

/** A batcher whose handler records its batches and can be held open, to see what arrives meanwhile. */
function recorder(options = { delayMs: 5, maxItems: 3 }) {
  const batches: number[][] = [];
  const errors: unknown[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const batch = new MicroBatch<number>(
    async (items) => {
      batches.push(items);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
    },
    (error) => errors.push(error),
    options,
  );
  return {
    batch,
    batches,
    errors,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('MicroBatch', () => {
  it('hands items that arrive together to one call, after the delay', async () => {
    const { batch, batches } = recorder({ delayMs: 20, maxItems: 10 });
    batch.add(1);
    batch.add(2);
    expect(batches).toEqual([]);
    await tick(40);
    expect(batches).toEqual([[1, 2]]);
  });

  it('flushes at once when maxItems are waiting, and never hands over more than maxItems', async () => {
    const { batch, batches } = recorder({ delayMs: 10_000, maxItems: 3 });
    [1, 2, 3, 4].forEach((item) => batch.add(item));
    await batch.drain();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('runs one batch at a time; what arrives meanwhile goes together into the next, in order', async () => {
    const recording = recorder({ delayMs: 1, maxItems: 100 });
    recording.holdNext();
    recording.batch.add(1);
    await tick(10);
    [2, 3, 4].forEach((item) => recording.batch.add(item));
    await tick(10);
    expect(recording.batches).toEqual([[1]]);
    recording.release();
    await recording.batch.drain();
    expect(recording.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('reports a failed batch and goes on with the next', async () => {
    const errors: unknown[] = [];
    const seen: number[][] = [];
    const batch = new MicroBatch<number>(
      (items) => {
        seen.push(items);
        return items.includes(1) ? Promise.reject(new Error('database down')) : Promise.resolve();
      },
      (error) => errors.push(error),
      { delayMs: 1, maxItems: 1 },
    );
    batch.add(1);
    batch.add(2);
    await batch.drain();
    expect(seen).toEqual([[1], [2]]);
    expect(errors).toEqual([new Error('database down')]);
  });
});
