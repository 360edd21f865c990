import { Pacer } from './pacer';

function fakeClock() {
  let now = 1000;
  const slept: number[] = [];
  return {
    slept,
    clock: {
      now: () => now,
      sleep: (ms: number) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

describe('Pacer', () => {
  it('spaces calls to the rate', async () => {
    const { slept, clock } = fakeClock();
    const pacer = new Pacer(20, clock);
    for (let i = 0; i < 5; i += 1) await pacer.wait();
    // The first goes at once; each next one 50 ms after the one before.
    expect(slept).toEqual([50, 50, 50, 50]);
  });

  it('lets calls through at once when the rate is 0', async () => {
    const { slept, clock } = fakeClock();
    const pacer = new Pacer(0, clock);
    for (let i = 0; i < 100; i += 1) await pacer.wait();
    expect(slept).toEqual([]);
  });
});
