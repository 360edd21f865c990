import { startWorkerProcess, type WorkerProcess } from '../support/api-process';
import { startTestApp, type TestApp } from '../support/app';
import { sql } from '../support/database';
import { newMember, type TestMember } from '../support/factories';
import { importSubscribers, newMailing, setMailingSender, waitForMailing } from '../support/mailings';

const RECIPIENTS = 300;
/**
 * Messages a second per worker: slow enough that a worker is stopped mid-mailing (60 of 300 is 0.4 s in,
 * and the test polls every 20 ms), fast enough that the mailings take 2 s, not 5 s each.
 */
const MAILING_RATE = '150';

/**
 * Exactly once per recipient, across a crash: a separate worker process sends a mailing, is killed with
 * SIGKILL in the middle, and a new worker finishes it. Nobody receives two copies, and everyone the
 * mailing counts as sent received one.
 */
describe('mailing delivery across a worker crash', () => {
  let t: TestApp;
  let admin: TestMember;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // This process serves the API only; the child workers deliver.
    t = await startTestApp({ env: { HARBOUR_WORKER: 'off' } });
    admin = await newMember(t, { role: 'admin' });
    await setMailingSender(t, admin);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await t.close();
  });

  it('resumes where the killed worker stopped and sends nobody a second copy', async () => {
    const addresses = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@example.org`);
    await importSubscribers(
      t,
      admin,
      addresses.map((email) => ({ email })),
    );
    const mailing = await newMailing(t, admin, { subject: 'Crash test' });
    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(202);

    const env = { SMTP_URL: `smtp://127.0.0.1:${t.smtp!.port}`, MAILING_RATE };
    const first = startWorkerProcess(t, env);
    workers.push(first);
    const deadline = Date.now() + 30000;
    while (t.smtp!.messages.length < 60) {
      if (Date.now() > deadline) throw new Error(`the first worker sent only ${t.smtp!.messages.length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.kill();
    const atCrash = t.smtp!.messages.length;
    expect(atCrash).toBeLessThan(RECIPIENTS);

    workers.push(startWorkerProcess(t, env));
    const done = await waitForMailing(t, admin, mailing.id, (m) => m.status === 'sent', 60000);

    const copies = new Map<string, number>();
    for (const message of t.smtp!.messages) for (const to of message.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    expect(Math.max(...copies.values())).toBe(1);
    const rows = await sql<{ email: string; status: string }>(
      t.databaseUrl,
      `SELECT email, status FROM mailing_deliveries WHERE mailing_id = $1`,
      [mailing.id],
    );
    expect(rows).toHaveLength(RECIPIENTS);
    for (const row of rows) {
      if (row.status === 'sent') expect([row.email, copies.get(row.email)]).toEqual([row.email, 1]);
      else expect([row.email, row.status]).toEqual([row.email, 'interrupted']);
    }
    // At most the messages in flight when the worker died are in doubt; the count says how many.
    expect(done.interrupted).toBeLessThanOrEqual(8);
    expect(done.sent + done.interrupted).toBe(RECIPIENTS);
    expect(done.total).toBe(RECIPIENTS);
    expect(t.smtp!.messages.length).toBeGreaterThan(atCrash);
  });

  it('stops cleanly on SIGTERM (a deploy): nothing in doubt, and the next worker sends the rest', async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    const mailing = await newMailing(t, admin, { subject: 'Restart test' });
    await t.http().post(`/api/mailings/${mailing.id}/send`).set(admin.auth).send({}).expect(202);
    const ofThisMailing = () => t.smtp!.messages.filter((message) => message.subject === 'Restart test');

    const env = { SMTP_URL: `smtp://127.0.0.1:${t.smtp!.port}`, MAILING_RATE };
    const first = startWorkerProcess(t, env);
    workers.push(first);
    const deadline = Date.now() + 30000;
    while (ofThisMailing().length < 60) {
      if (Date.now() > deadline) throw new Error(`the first worker sent only ${ofThisMailing().length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.stop();
    // What it handed over is recorded; what it had not is back in the queue.
    const inDoubt = await sql(t.databaseUrl, `SELECT id FROM mailing_deliveries WHERE mailing_id = $1 AND status = 'sending'`, [
      mailing.id,
    ]);
    expect(inDoubt).toEqual([]);
    expect(ofThisMailing().length).toBeLessThan(RECIPIENTS);

    workers.push(startWorkerProcess(t, env));
    const done = await waitForMailing(t, admin, mailing.id, (m) => m.status === 'sent', 60000);
    expect(done).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, interrupted: 0, failed: 0 });
    const copies = new Map<string, number>();
    for (const message of ofThisMailing()) for (const to of message.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    expect(copies.size).toBe(RECIPIENTS);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
  });
});
