// What the bench measures besides autocannon's figures: CPU per request (from /proc) and the heaviest SQL
// statements (pg_stat_statements), and a small helper to seed with bounded concurrency.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Runs `tasks` with at most `width` in flight. */
export async function inParallel(tasks, width) {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (queue.length > 0) await queue.shift()();
    }),
  );
}

/**
 * With BENCH_STATEMENTS: resets pg_stat_statements before a scenario (name null), and after it prints the
 * statements that took the most time, with calls per request, to stderr.
 */
export async function statementsSince(postgresUrl, seconds, name, result) {
  const pg = createRequire(import.meta.url)('pg');
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    if (name === null) return void (await client.query('SELECT pg_stat_statements_reset()'));
    const { rows } = await client.query(
      `SELECT calls, round(total_exec_time) AS ms, round(total_plan_time) AS plan, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
         FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
    );
    const requests = Math.max(1, Math.round((result?.requestsPerSecond ?? result?.messagesPerSecond ?? 1) * seconds));
    process.stderr.write(`\n${name}: heaviest statements (calls per request, total ms)\n`);
    for (const row of rows)
      process.stderr.write(
        `${(row.calls / requests).toFixed(2).padStart(7)} ${String(row.ms).padStart(7)} ms ${String(row.plan).padStart(6)} plan  ${row.query}\n`,
      );
  } finally {
    await client.end();
  }
}

/** CPU seconds used so far by the server process (`serverPid`) and by every PostgreSQL process, from /proc. */
export function cpuSeconds(serverPid) {
  const ticks = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return { name: readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), ticks: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return { name: '', ticks: 0 }; // the process ended between listing and reading
    }
  };
  let postgresTicks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const process = ticks(pid);
    if (process.name === 'postgres') postgresTicks += process.ticks;
  }
  return { server: ticks(serverPid).ticks / 100, postgres: postgresTicks / 100 };
}
