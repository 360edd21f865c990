import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './app';

/** What a child process needs from the test app: its database, data folder and secrets. */
export type ProcessTarget = Pick<TestApp, 'databaseUrl' | 'dataDir'> & { config: Pick<TestApp['config'], 'sessionSecret' | 'publicUrl'> };
import { freePort } from './ports';

/** The build under test: dist/ (npm test builds it first), or HARBOUR_TEST_DIST, a build kept elsewhere. */
const DIST = process.env.HARBOUR_TEST_DIST ?? join(__dirname, '../../dist');
const SERVER_ENTRY = join(DIST, 'apps/api/apps/api/src/main.js');

export interface ApiProcess {
  baseUrl: string;
  /** False once the process has exited, for whatever reason. */
  running(): boolean;
  /** Kills the process without warning (SIGKILL), as a crash or an OOM kill would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A second API process: the built server (npm test builds it first) in a child process of its own, on the
 * test app's database, with no job worker. Only the database connects it to the test app.
 */
export async function startApiProcess(t: ProcessTarget, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server first (npm test does)`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: t.databaseUrl,
      HARBOUR_DATA_DIR: t.dataDir,
      SESSION_SECRET: t.config.sessionSecret ?? '',
      PUBLIC_URL: t.config.publicUrl,
      HARBOUR_WORKER: 'off',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = ending(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the second API process exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await end('SIGKILL');
      throw new Error('the second API process did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    running: () => child.exitCode === null && child.signalCode === null,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

/**
 * Sends a child process a signal and resolves once it has exited. Listening to 'error' keeps a child that
 * cannot be spawned or signalled from crashing the test file; the exit wait then fails the test instead.
 */
function ending(child: ChildProcess): (signal: NodeJS.Signals) => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.on('error', (error) => {
      process.stderr.write(`[test] child process ${child.pid ?? '(not started)'}: ${error.message}\n`);
      if (child.pid === undefined) resolve(); // never ran, so never exits
    });
  });
  return (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
}

const WORKER_ENTRY = join(DIST, 'apps/worker/apps/worker/src/main.js');

export interface WorkerProcess {
  /** False once the process has exited, for whatever reason. */
  running(): boolean;
  /** Kills the worker without warning (SIGKILL): no shutdown hook runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The built worker (npm test builds it) in a child process, draining the test app's queues into `smtpUrl`. */
export function startWorkerProcess(t: ProcessTarget, env: Record<string, string>): WorkerProcess {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run npm run build:server first (npm test does)`);
  const child: ChildProcess = spawn(process.execPath, [WORKER_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      HARBOUR_DATA_DIR: t.dataDir,
      SESSION_SECRET: t.config.sessionSecret ?? '',
      PUBLIC_URL: t.config.publicUrl,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = ending(child);
  return {
    running: () => child.exitCode === null && child.signalCode === null,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
