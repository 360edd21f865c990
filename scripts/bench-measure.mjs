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

/**
 * CPU seconds used so far by the server process (`serverPid`) and by the bench's own PostgreSQL, from /proc:
 * the postmaster this process started and its children, not the databases of tests running beside the bench.
 * The postmaster's count includes its children that have ended (a backend or worker that exits mid-scenario
 * would otherwise take its CPU with it, and a scenario could cost PostgreSQL less than nothing).
 */
export function cpuSeconds(serverPid) {
  const ticks = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const own = Number(fields[11]) + Number(fields[12]);
      return { pid: Number(pid), parent: Number(fields[1]), name, ticks: own, withEnded: own + Number(fields[13]) + Number(fields[14]) };
    } catch {
      return { pid: Number(pid), parent: 0, name: '', ticks: 0, withEnded: 0 }; // it ended between listing and reading
    }
  };
  const postgres = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(ticks)
    .filter((entry) => entry.name === 'postgres');
  const postmasters = new Set(postgres.filter((entry) => entry.parent === process.pid).map((entry) => entry.pid));
  const ticksOf = (entry) => (postmasters.has(entry.pid) ? entry.withEnded : postmasters.has(entry.parent) ? entry.ticks : 0);
  return { server: ticks(serverPid).ticks / 100, postgres: postgres.reduce((sum, entry) => sum + ticksOf(entry), 0) / 100 };
}
