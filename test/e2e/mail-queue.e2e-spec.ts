import { startTestApp, type TestApp } from '../support/app';
import { queuesIdle, sql } from '../support/database';
import { newMember } from '../support/factories';

/** Active members made in SQL (registration's password hashing would be most of this test's time). */
async function members(t: TestApp, prefix: string, count: number): Promise<string[]> {
  const rows = await sql<{ email: string }>(
    t.databaseUrl,
    `INSERT INTO users (username, username_key, display_name, email, password_hash)
     SELECT $1 || n, $1 || n, $1 || n, $1 || n || '@example.org', 'not a usable hash' FROM generate_series(1, $2::int) n
     RETURNING email`,
    [prefix, count],
  );
  return rows.map((row) => row.email);
}

const resetFor = (t: TestApp, email: string) => t.http().post('/api/auth/password-reset').send({ email }).expect(202);

/** Waits until `done()` holds, polling; fails with `what` after the timeout. */
async function until(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the transactional mail queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await newMember(t); // the admin
  });
  afterAll(() => t.close());

  it('delivers forty password resets asked at once, each address exactly one', async () => {
    const emails = await members(t, 'forgetful', 40);
    await Promise.all(emails.map((email) => resetFor(t, email)));
    await until(() => emails.every((email) => t.smtp!.countFor(email) > 0), 'not every reset mail arrived');
    for (const email of emails) expect(t.smtp!.countFor(email)).toBe(1);
    // A job is marked completed just after its SMTP server took the mail: wait for the queue, not the mailbox.
    await queuesIdle(t, ['mail.send']);
    const jobs = await sql<{ state: string; n: number }>(
      t.databaseUrl,
      `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' GROUP BY state`,
    );
    expect(jobs).toEqual([{ state: 'completed', n: 40 }]);
  });

  it('retries the mail of a worker that died within five minutes, not after fifteen', async () => {
    const rows = await sql(t.databaseUrl, `SELECT expire_seconds AS "expireSeconds" FROM pgboss.queue WHERE name = 'mail.send'`);
    expect(rows).toEqual([{ expireSeconds: 300 }]);
  });

  it('retries only the message its SMTP server put off, never the rest of its batch', async () => {
    const emails = await members(t, 'batched', 10);
    const [putOff, ...others] = emails as [string, ...string[]];
    t.smtp!.refuse(putOff, 451, 1);
    await Promise.all(emails.map((email) => resetFor(t, email)));
    await until(() => others.every((email) => t.smtp!.countFor(email) > 0), 'not every other reset mail arrived');
    await queuesIdle(t, ['mail.send']); // every job has run, or waits out a retry: no second copy is on its way
    for (const email of others) expect(t.smtp!.countFor(email)).toBe(1);
    expect(t.smtp!.countFor(putOff)).toBe(0);
    const waiting = await sql<{ email: string; retries: number }>(
      t.databaseUrl,
      `SELECT data->>'to' AS email, retry_count AS retries FROM pgboss.job WHERE name = 'mail.send' AND state = 'retry'`,
    );
    expect(waiting).toEqual([{ email: putOff, retries: 0 }]);
  });
});
