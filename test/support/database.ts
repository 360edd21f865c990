import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

function serverUrl(): string {
  const url = process.env.HARBOUR_TEST_PG_SERVER;
  if (!url) throw new Error('HARBOUR_TEST_PG_SERVER is not set: run the tests through jest (test/global-setup.ts)');
  return url;
}

/**
 * A connection that a server going away (a fault test restarts PostgreSQL) cannot turn into an uncaught
 * 'error' event: the query in flight still rejects, which is what the caller sees.
 */
function quiet(client: Client): Client {
  client.on('error', () => undefined);
  return client;
}

/** A new database copied from the migrated template: each suite starts from an empty site. */
export async function freshDatabase(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = quiet(new Client(`${serverUrl()}/postgres`));
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE harbour_template`);
  } finally {
    await admin.end();
  }
  const url = `${serverUrl()}/${name}`;
  // TypeORM files generated-column expressions under the database's name; a copy keeps the template's.
  await sql(url, 'UPDATE typeorm_metadata SET database = current_database()');
  return url;
}

/**
 * A few connections per database for sql(), kept for the test file: a file makes up to ~80 sql() calls
 * (every newMember verifies its address with one), and a new connection each time cost ~15-20 ms of
 * password exchange and backend start. Each call is still one statement on its own, in autocommit.
 */
const pools = new Map<string, Pool>();
function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool({ connectionString: url, max: 6, idleTimeoutMillis: 2000, allowExitOnIdle: true });
    // An idle connection cut by a server going away (a fault test restarts PostgreSQL) is dropped, not thrown.
    pool.on('error', () => undefined);
    pools.set(url, pool);
  }
  return pool;
}
// Closed once the file's own afterAll hooks (which stop its app) have run.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    const open = [...pools.values()];
    pools.clear();
    await Promise.all(open.map((pool) => pool.end().catch(() => undefined)));
  });
}

/** Runs SQL directly, for setting up states the API has no route for (yet) and for asserting storage. */
export async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  return (await poolFor(url).query(text, values)).rows as T[];
}

/**
 * Waits until no job of the given pg-boss queues is waiting to start or running, then returns: what those
 * jobs were going to do is done. Jobs put off for a retry (`retry`) are left to wait out their delay.
 *
 * Mail (`mail.send`) and notification emails (`notifications.email`) are queued in the transaction of the
 * write that causes them; a notification email job queues its `mail.send` job before it is marked completed,
 * and a message is in the SMTP sink before its job is. So, once the write has answered, both queues idle in
 * one snapshot prove that a message which has not arrived never will: a test asserting that something was
 * NOT sent waits exactly as long as the work takes, not a guessed sleep, and a job that would send it later
 * (a delayed email) is waited for, however long its delay.
 */
export async function queuesIdle(t: { databaseUrl: string }, queues: string[], timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [pending] = await sql<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'active')`,
      [queues],
    );
    if (pending?.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending?.n} jobs of ${queues.join(', ')} still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
