import { startWorkerProcess, type WorkerProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await pause(100);
  }
}

/**
 * Transactional mail (password resets here) across a crash of the worker that sends it: the jobs of a
 * worker killed mid-send run again on the next one, and a job that runs again after its message went out
 * sends no second copy.
 */
describe('transactional mail across a worker crash', () => {
  let t: TestApp;
  let members: TestMember[];
  const workers: WorkerProcess[] = [];
  /** Mail jobs in `state` (any state when null). */
  const mailJobs = (state: string | null) =>
    sql<{ count: string }>(
      t.databaseUrl,
      `SELECT count(*) FROM pgboss.job WHERE name = 'mail.send' AND ($1::text IS NULL OR state::text = $1)`,
      [state],
    ).then(([row]) => Number(row?.count));
  const allDone = async () => (await mailJobs('completed')) === (await mailJobs(null));

  beforeAll(async () => {
    // This process serves the API only; the child workers send.
    t = await startTestApp({ env: { HARBOUR_WORKER: 'off' } });
    members = [];
    for (let i = 0; i < 6; i++) members.push(await newMember(t));
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await t.close();
  });

  it('runs the jobs of a worker killed mid-send again, and each message arrives once', async () => {
    for (const member of members) await t.http().post('/api/auth/password-reset').send({ email: member.user.email }).expect(202);
    // The mail server is slow to answer: the worker is killed while its messages wait at RCPT TO.
    t.smtp!.holdRecipients(4000);
    const env = { SMTP_URL: `smtp://127.0.0.1:${t.smtp!.port}` };
    const first = startWorkerProcess(t, env);
    workers.push(first);
    await until('the first worker has a message in flight', () => t.smtp!.held > 0, 30000);
    await first.kill();
    expect(await mailJobs('active')).toBeGreaterThan(0);

    // pg-boss retries a job left active by a dead worker once it expires; here the clock is moved on.
    await sql(t.databaseUrl, `UPDATE pgboss.job SET state = 'retry', start_after = now() WHERE name = 'mail.send' AND state = 'active'`);
    await until('the held answers went to a dead connection', () => t.smtp!.held === 0, 10000);
    expect(t.smtp!.messages).toEqual([]);
    t.smtp!.holdRecipients(0);
    workers.push(startWorkerProcess(t, env));

    await until('every reset mail arrived', () => members.every((m) => t.smtp!.countFor(m.user.email) > 0), 30000);
    await until('every mail job is done', allDone, 10000);
    expect(members.map((m) => t.smtp!.countFor(m.user.email))).toEqual(members.map(() => 1));
  });

  it('sends no second copy when a job whose message went out runs again', async () => {
    // As if each worker had died between the mail server's "250 OK" and marking its job done.
    await sql(
      t.databaseUrl,
      `UPDATE pgboss.job SET state = 'retry', start_after = now(), completed_on = NULL WHERE name = 'mail.send' AND state = 'completed'`,
    );
    expect(await mailJobs('retry')).toBeGreaterThanOrEqual(members.length);
    // A second copy would have reached the sink before its job was marked completed.
    await until('the jobs ran again', allDone, 20000);
    expect(members.map((m) => t.smtp!.countFor(m.user.email))).toEqual(members.map(() => 1));
  });
});
