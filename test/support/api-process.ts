import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestApp } from './app';

const SERVER_ENTRY = join(__dirname, '../../dist/apps/api/apps/api/src/main.js');

export interface ApiProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A second API process: the built server (npm test builds it first) in a child process of its own, on the
 * test app's database, with no job worker. Only the database connects it to the test app.
 */
export async function startApiProcess(t: TestApp): Promise<ApiProcess> {
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
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second API process exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the second API process did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const WORKER_ENTRY = join(__dirname, '../../dist/apps/worker/apps/worker/src/main.js');

export interface WorkerProcess {
  /** Kills the worker without warning (SIGKILL): no shutdown hook runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The built worker (npm test builds it) in a child process, draining the test app's queues into `smtpUrl`. */
export function startWorkerProcess(t: TestApp, env: Record<string, string>): WorkerProcess {
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
