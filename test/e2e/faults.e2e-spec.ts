import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createConnection, type Socket as TcpSocket } from 'node:net';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Socket } from 'socket.io-client';
import type { PostDto } from '@harbour/contracts';
import { runMigrations, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@harbour/database';
import { startApiProcess, startWorkerProcess, type ApiProcess, type WorkerProcess } from '../support/api-process';
import { sql } from '../support/database';
import { SmtpSink } from '../support/smtp-sink';
import { connectSocket } from '../support/sockets';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await pause(100);
  }
}

async function healthStatus(api: ApiProcess): Promise<number> {
  return (await fetch(`${api.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
}

/**
 * PostgreSQL restarted under traffic, on a cluster of this file's own (the run's shared one serves every
 * other suite). Two API processes keep running through the outage, say 503 on /api/health while the
 * database is gone, come back by themselves (HTTP, sessions, the job queue, and the Socket.IO adapter's
 * LISTEN connection), and every post that was answered 201 is in the database afterwards.
 */
describe('a PostgreSQL restart under traffic', () => {
  let directory: string;
  let postgres: EmbeddedPostgresHandle;
  let databaseUrl: string;
  const apis: ApiProcess[] = [];
  const sockets: Socket[] = [];
  const smtp = new SmtpSink();
  let worker: WorkerProcess | null = null;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'harbour-fault-'));
    chmodSync(directory, 0o755);
    postgres = await startEmbeddedPostgres({ directory: join(directory, 'pg'), ephemeral: true });
    databaseUrl = postgres.url;
    await runMigrations(databaseUrl);
    const target = {
      databaseUrl,
      dataDir: directory,
      config: { sessionSecret: 'fault-secret-fault-secret-fault-secret-01', publicUrl: 'http://127.0.0.1' },
    };
    // The worker is silent: while the database is gone it logs what it could not do. The API processes log
    // errors, so that an unexpected 500 (a database error not recognized as the database being away) shows its
    // stack in the test's output. One process at a time: on a fresh database the first creates pg-boss's queues.
    const quiet = { LOG_LEVEL: 'silent' };
    apis.push(await startApiProcess(target, { LOG_LEVEL: 'error' }));
    apis.push(await startApiProcess(target, { LOG_LEVEL: 'error' }));
    // A job worker too: its queue polling and the mailing sender's connections live through the restart.
    worker = startWorkerProcess(target, { ...quiet, SMTP_URL: await smtp.start() });
    await sql(
      databaseUrl,
      `UPDATE site_settings SET rate_limits = rate_limits || '{"registrationsPerHourPerIp":0,"loginAttemptsPerHourPerIp":0,"postsPerMinute":0,"topicsPerDay":0}'`,
    );
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([...apis.map((api) => api.stop()), worker?.stop()]);
    await smtp.stop();
    await postgres?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 503 while the database is gone, recovers by itself, and loses no acknowledged post', async () => {
    const [a, b] = apis as [ApiProcess, ApiProcess];
    const json = { 'Content-Type': 'application/json' };
    const call = async (api: ApiProcess, method: string, path: string, token?: string, body?: unknown) =>
      fetch(`${api.baseUrl}/api${path}`, {
        method,
        headers: { ...json, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10000),
      });
    const admin = (await (
      await call(a, 'POST', '/auth/register', undefined, {
        username: 'admin',
        email: 'admin@example.org',
        password: 'correct horse battery',
      })
    ).json()) as { token: string };
    const category = (await (await call(a, 'POST', '/categories', admin.token, { name: 'Faults' })).json()) as { id: string };
    const topic = (await (
      await call(a, 'POST', '/topics', admin.token, { categoryId: category.id, title: 'Under traffic', body: 'first' })
    ).json()) as {
      id: string;
    };
    // The worker sends mail before the outage (and so has started).
    expect((await call(a, 'POST', '/auth/password-reset', undefined, { email: 'admin@example.org' })).status).toBe(202);
    await smtp.waitFor('admin@example.org', 30000);
    const reader = await connectSocket(b.baseUrl);
    sockets.push(reader);
    expect(await reader.timeout(5000).emitWithAck('topic:join', { topicId: topic.id })).toEqual({ ok: true });
    const heard = new Set<string>();
    reader.on('post:created', (post: PostDto) => heard.add(post.id));

    // Traffic: two writers, one per process, and a health check on each, until told to stop.
    const acknowledged: string[] = [];
    const acknowledgedBy = new Map<ApiProcess, number>();
    const refused: number[] = [];
    const health: { api: string; status: number | 'no answer' }[] = [];
    let traffic = true;
    const writer = async (api: ApiProcess) => {
      for (let i = 0; traffic; i++) {
        try {
          const response = await call(api, 'POST', `/topics/${topic.id}/posts`, admin.token, { body: `reply ${i} via ${api.baseUrl}` });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as PostDto).id);
            acknowledgedBy.set(api, (acknowledgedBy.get(api) ?? 0) + 1);
          } else {
            refused.push(response.status);
          }
        } catch {
          refused.push(0);
        }
        await pause(30);
      }
    };
    const checker = async (api: ApiProcess) => {
      while (traffic) {
        health.push({ api: api.baseUrl, status: await healthStatus(api).catch(() => 'no answer' as const) });
        await pause(100);
      }
    };
    const running = [writer(a), writer(b), checker(a), checker(b)];
    try {
      await pause(1000);
      const beforeOutage = acknowledged.length;
      expect(beforeOutage).toBeGreaterThan(0);

      await postgres.stop();
      await until(
        '/api/health says 503 on both processes',
        async () => (await healthStatus(a)) === 503 && (await healthStatus(b)) === 503,
        10000,
      );
      await pause(1500);
      expect([a.running(), b.running(), worker?.running()]).toEqual([true, true, true]);
      const port = Number(new URL(postgres.serverUrl).port);
      postgres = await startEmbeddedPostgres({ directory: join(directory, 'pg'), ephemeral: true, port });

      await until(
        '/api/health says 200 on both processes again',
        async () => (await healthStatus(a)) === 200 && (await healthStatus(b)) === 200,
        20000,
      );
      const [fromA, fromB] = [acknowledgedBy.get(a) ?? 0, acknowledgedBy.get(b) ?? 0];
      await until(
        'posts are acknowledged again on both processes',
        () => (acknowledgedBy.get(a) ?? 0) >= fromA + 5 && (acknowledgedBy.get(b) ?? 0) >= fromB + 5,
        20000,
      );
      // Sessions (the hot prepared statement) work again, and the job queue: a reset mail is queued and sent.
      expect((await call(a, 'GET', '/me', admin.token)).status).toBe(200);
      expect((await call(b, 'GET', '/me', admin.token)).status).toBe(200);
      expect((await call(a, 'POST', '/auth/password-reset', undefined, { email: 'admin@example.org' })).status).toBe(202);
      await until('the worker sends mail again', () => smtp.countFor('admin@example.org') === 2, 20000);
      // The Socket.IO adapter listens again: a post made on one process reaches a reader on the other.
      await until(
        'a post made on one process reaches a reader on the other',
        async () => {
          const response = await call(a, 'POST', `/topics/${topic.id}/posts`, admin.token, { body: 'across, after the restart' });
          const post = (await response.json()) as PostDto;
          if (response.status === 201) acknowledged.push(post.id);
          for (const heardBy = Date.now() + 1000; !heard.has(post.id) && Date.now() < heardBy;) await pause(20);
          return heard.has(post.id);
        },
        20000,
      );
    } finally {
      traffic = false;
      await Promise.all(running);
    }

    expect([a.running(), b.running(), worker?.running()]).toEqual([true, true, true]);
    // The outage was real: some writes were refused, each with a 503 (try again), never a bare 500.
    expect(refused.length).toBeGreaterThan(0);
    expect([...new Set(refused)]).toEqual([503]);
    expect(health.filter((h) => h.status === 503).length).toBeGreaterThan(0);
    // Every check was answered: 200 or 503, never a dropped connection or another status.
    expect(health.filter((h) => h.status !== 200 && h.status !== 503)).toEqual([]);
    const stored = await sql<{ id: string }>(databaseUrl, 'SELECT id FROM posts WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
  });
});

/** Sends one SMTP line and waits for the reply that starts with `code`. */
function smtpLine(socket: TcpSocket, line: string, code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let reply = '';
    const onData = (chunk: Buffer) => {
      reply += chunk.toString();
      if (!reply.endsWith('\r\n')) return;
      socket.off('data', onData);
      if (reply.split('\r\n').some((l) => l.startsWith(`${code} `))) resolve();
      else reject(new Error(`${line} answered ${reply}`));
    };
    socket.on('data', onData);
    socket.write(`${line}\r\n`);
  });
}

describe('the test SMTP sink', () => {
  it('outlives a client that dies in the middle of a message, and keeps nothing of that message', async () => {
    const sink = new SmtpSink();
    const url = await sink.start();
    try {
      const socket = createConnection({ port: sink.port, host: '127.0.0.1' });
      await new Promise((resolve) => socket.once('data', resolve)); // the greeting
      await smtpLine(socket, 'EHLO worker.example', '250');
      await smtpLine(socket, 'MAIL FROM:<harbour@example.org>', '250');
      await smtpLine(socket, 'RCPT TO:<reader@example.org>', '250');
      await smtpLine(socket, 'DATA', '354');
      socket.write('Subject: cut short\r\n\r\nhalf a mess');
      await pause(100);
      // A killed worker's connection: reset, not closed.
      socket.resetAndDestroy();
      await until('the sink heard the reset', () => sink.errors.length > 0, 5000);
      expect(sink.messages).toEqual([]);

      await createTransport(url).sendMail({ from: 'harbour@example.org', to: 'reader@example.org', subject: 'whole', text: 'all of it' });
      expect(sink.messages.map((m) => m.subject)).toEqual(['whole']);
    } finally {
      await sink.stop();
    }
  });
});
