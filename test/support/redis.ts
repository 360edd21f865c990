import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './ports';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** Answers true once the server replies +PONG to a PING on a fresh connection. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * A redis-server of the test's own (Debian's package; .ci/run installs it) on a free loopback port, with
 * nothing written to disk. A missing redis-server fails the test that asked for it, with the fix: the Redis
 * adapter is never silently left untested.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = process.env.REDIS_SERVER_PATH ?? 'redis-server';
  if (spawnSync(binary, ['--version']).error) {
    throw new Error(`${binary} is not installed: the Redis adapter tests need it (apt-get install -y redis-server; .ci/run does it)`);
  }
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.on('error', (error) => {
      process.stderr.write(`[test] redis-server: ${error.message}\n`);
      if (child.pid === undefined) resolve();
    });
  });
  const stop = (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const deadline = Date.now() + 10000;
  while (!(await pong(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port} (exit ${child.exitCode ?? child.signalCode ?? 'none'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
