// The transactional-mail part of npm run bench: 200 members ask for a password reset at once (through the
// API, rate limits off), and the clock runs until the local SMTP server has every one of the 200 mails.
import { createRequire } from 'node:module';

/** Members made in SQL: registering them would time argon2, not the mail queue. */
async function insertMembers(databaseUrl, count) {
  const pg = createRequire(import.meta.url)('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO users (username, username_key, display_name, email, password_hash)
       SELECT 'forgetful_' || n, 'forgetful_' || n, 'Forgetful ' || n, 'forgetful' || n || '@reset.example', 'not a usable hash'
         FROM generate_series(1, $1::int) n
       ON CONFLICT DO NOTHING
       RETURNING email`,
      [count],
    );
    return rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

/**
 * Sends `count` password-reset requests together and waits for every mail at the sink. Reports the time
 * from the first request to the last mail received, and whether each address got exactly one.
 */
export async function benchTransactionalMail({ base, databaseUrl, sink, count, cpuSeconds }) {
  const emails = await insertMembers(databaseUrl, count);
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const arrived = () => emails.filter((email) => (sink.received.get(email) ?? 0) > 0).length;
  // Watches the sink from the first request on: when the first mail lands says how soon the queue wakes.
  let firstMail = null;
  const watching = (async () => {
    while (arrived() < emails.length && performance.now() - started < 60_000) {
      if (firstMail === null && arrived() > 0) firstMail = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const answers = await Promise.all(
    emails.map((email) =>
      fetch(`${base}/api/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      }),
    ),
  );
  const refused = answers.filter((answer) => answer.status !== 202).length;
  const requestsSeconds = (performance.now() - started) / 1000;
  const arrivedByLastAnswer = arrived();
  await watching;
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, 1000)); // a duplicate would follow within the queue's polling
  const copies = emails.map((email) => sink.received.get(email) ?? 0);
  return {
    mails: emails.length,
    refusedRequests: refused,
    // From the first request sent to the last mail received by the SMTP server (the target is under 5 s).
    secondsToLastMail: Math.round(seconds * 100) / 100,
    secondsToLastAnswer: Math.round(requestsSeconds * 100) / 100,
    secondsToFirstMail: firstMail === null ? null : Math.round(firstMail / 10) / 100,
    mailsByLastAnswer: arrivedByLastAnswer,
    // What a reset (request, job, mail) costs: on a shared machine the wall time is mostly waiting for a core.
    cpuMsPerMail: {
      server: Math.round(((cpuAfter.server - cpuBefore.server) * 1000) / emails.length),
      postgres: Math.round(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / emails.length),
    },
    received: copies.filter((n) => n > 0).length,
    exactlyOnce: copies.filter((n) => n === 1).length,
    withSeveral: copies.filter((n) => n > 1).length,
  };
}
