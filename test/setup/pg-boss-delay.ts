import { setTimeout as sleep } from 'node:timers/promises';

/**
 * pg-boss's `delay` requires node:timers/promises each time it is called, and pg-boss calls it from background
 * loops that go on after a stop returns (offWork checks every second until the worker it stopped has ended its
 * fetch). Inside Jest that require goes through the test file's module registry: once the file is torn down it
 * throws, as an unhandled rejection that fails whichever file runs next in the same worker (twice in CI). This file
 * runs before each e2e and browser test file and gives pg-boss's tools a delay with the same behaviour (resolves
 * after `ms`, or early when aborted; rejects with `error` if given) whose timers were imported beforehand.
 * Outside Jest, require never fails, so the server keeps pg-boss as it is.
 */
type AbortableDelay = Promise<void> & { abort(): void };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest's own require: the registry pg-boss is loaded from
const tools = require('pg-boss/src/tools') as { delay: (ms: number, error?: string) => AbortableDelay };

tools.delay = (ms, error) => {
  const controller = new AbortController();
  const waited = sleep(ms, null, { signal: controller.signal }).then(
    () => {
      if (error) throw new Error(error);
    },
    () => undefined,
  ) as AbortableDelay;
  waited.abort = () => controller.abort();
  return waited;
};
