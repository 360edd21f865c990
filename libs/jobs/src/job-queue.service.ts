import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { EmptyJobName, JobName, JobPayloads } from '@harbour/contracts';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
/** How long a wake waits for the transaction that queued a job to commit. */
const WAKE_AFTER_COMMIT_MS = 20;

export interface JobsOptions {
  databaseUrl: string;
  /** Drain queues in this process (npm start, the worker); API processes behind a separate worker do not. */
  runWorker: boolean;
  /** How often an idle worker looks for jobs; tests use a short interval. */
  pollingIntervalSeconds?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

/** How long shutdown waits for running handlers before pg-boss fails their jobs (they are retried). */
const STOP_TIMEOUT_MS = 5000;

export interface JobDefinition {
  name: JobName;
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (exponential backoff). */
  retryDelay: number;
  /** How long a job may run before pg-boss counts it lost and retries it (pg-boss's default: 15 minutes). */
  expireInSeconds?: number;
  /** Jobs one worker takes per fetch (default 1); they run at once, each completed or failed on its own. */
  batchSize?: number;
  /** Workers fetching this queue at once in each draining process (default 1). */
  workers?: number;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists if and only if it commits. */
  manager?: EntityManager;
  /** Seconds to wait before the job may run. */
  startAfter?: number;
}

/**
 * The durable job queue (pg-boss, in the `pgboss` schema of Harbour's database): every email and
 * scheduled task goes through it, so a crash loses nothing and a retry is automatic.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly definitions = new Map<JobName, JobDefinition>();
  private readonly handlers = new Map<JobName, JobHandler<unknown>>();
  private readonly schedules = new Map<EmptyJobName, string>();
  private readonly startupRuns = new Set<EmptyJobName>();
  /** This process's workers of each queue, woken in turn when the process queues a job itself. */
  private readonly workerIds = new Map<string, string[]>();
  private readonly wakes = new Map<string, { timer: NodeJS.Timeout | null; next: number }>();
  /** Batches whose handlers are running (see onModuleDestroy). */
  private readonly running = new Set<Promise<void>>();
  /** Shutting down, and whether a batch started meanwhile (onModuleDestroy then waits for pg-boss to let go). */

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {
    this.boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, schema: 'pgboss', application_name: 'harbour-jobs' });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
  }

  /** Declares a queue; each lib that sends jobs declares its own in its constructor. */
  define(definition: JobDefinition): void {
    this.definitions.set(definition.name, definition);
  }

  /**
   * Registers the handler that drains a queue (only runs in a process with runWorker). It receives the
   * payload `JobPayloads` names for that queue: what every sender of the queue was made to send.
   */
  handle<N extends JobName>(name: N, handler: JobHandler<JobPayloads[N]>): void {
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /** Runs a queue's handler on a cron schedule (pg-boss keeps one schedule for all processes; its jobs carry nothing). */
  schedule(name: EmptyJobName, cron: string): void {
    this.schedules.set(name, cron);
  }

  /** Runs a queue's handler once when a worker starts, as well as on its schedule (catching up after a crash). */
  runAtWorkerStart(name: EmptyJobName): void {
    this.startupRuns.add(name);
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      const options = {
        name: definition.name,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelay,
        retryBackoff: true,
        ...(definition.expireInSeconds ? { expireInSeconds: definition.expireInSeconds } : {}),
      };
      await retryOnDeadlock(async () => {
        // createQueue leaves a queue that exists as it was: options changed since (an expiry) are applied after.
        await this.boss.createQueue(definition.name, options);
        await this.boss.updateQueue(definition.name, options);
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runWorker) return;
    for (const [name, cron] of this.schedules) await this.boss.schedule(name, cron, {});
    for (const [name, handler] of this.handlers) {
      const { batchSize = 1, workers = 1 } = this.definitions.get(name) ?? {};
      for (let i = 0; i < workers; i++) {
        let workerId = '';
        workerId = await this.boss.work<unknown>(
          name,
          { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize },
          async (jobs) => {
            const batch = this.runBatch(name, jobs, handler);
            this.running.add(batch);
            try {
              await batch;
            } finally {
              this.running.delete(batch);
            }
            // Jobs came, so more may be coming (a burst of resets): look again at once, not after the polling interval.
            if (jobs.length > 0) this.boss.notifyWorker(workerId);
          },
        );
        this.workerIds.set(name, [...(this.workerIds.get(name) ?? []), workerId]);
      }
    }
    for (const name of this.startupRuns) await this.send(name, {});
  }

  /**
   * Runs a batch's jobs at once and settles each alone as soon as it ends: completed only after its
   * handler succeeded (a mail marked done has gone), failed alone (its retry never repeats a neighbour
   * already sent). pg-boss's own settling of the whole batch afterwards then finds nothing still active.
   * Completions that arrive while one is being written go together in the next statement (one commit for
   * many jobs, not one each), so a job stays unmarked for at most about two round trips after it ended.
   */
  private async runBatch(name: string, jobs: PgBoss.Job<unknown>[], handler: JobHandler<unknown>): Promise<void> {
    const ended: string[] = [];
    let writing: Promise<void> | null = null;
    const complete = (id: string): Promise<void> => {
      ended.push(id);
      writing ??= (async () => {
        try {
          while (ended.length > 0) await this.boss.complete(name, ended.splice(0));
        } finally {
          writing = null; // no await between the empty check and here: a later job starts a new write
        }
      })();
      return writing;
    };
    const settled = await Promise.allSettled(
      jobs.map(async (job) => {
        try {
          await handler(job.data);
        } catch (error) {
          this.logger.warn(`Job ${name} ${job.id} failed; it will be retried until its limit`);
          await this.boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
          return;
        }
        await complete(job.id);
      }),
    );
    // Only settling itself can fail here (the database gone): pg-boss then fails what is still active.
    const broken = settled.find((outcome) => outcome.status === 'rejected');
    if (broken) throw broken.reason;
  }

  /**
   * Wakes one of this process's idle workers of a queue it just sent to (the next one each time), rather
   * than leaving the job to the next poll. A job sent inside a transaction shows once it commits, usually
   * a moment later, so that wake waits the moment; a wake that finds nothing costs one query.
   */
  private wake(name: string, afterCommit: boolean): void {
    const ids = this.workerIds.get(name);
    const wake = this.wakes.get(name) ?? { timer: null, next: 0 };
    this.wakes.set(name, wake);
    if (!ids || wake.timer) return;
    wake.timer = setTimeout(
      () => {
        wake.timer = null;
        const id = ids[wake.next++ % ids.length];
        if (id) this.boss.notifyWorker(id);
      },
      afterCommit ? WAKE_AFTER_COMMIT_MS : 0,
    ).unref();
  }

  async onModuleDestroy(): Promise<void> {
    for (const wake of this.wakes.values()) if (wake.timer) clearTimeout(wake.timer);
    await this.boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true });
    // pg-boss waits only for workers holding jobs, up to its timeout: a worker whose fetch was in flight at the stop
    // may still get jobs and run them after the stop returned, and a handler may outlive the timeout. Let such a
    // late batch start, then wait for every handler, so the process does not end in the middle of one.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Enqueues a job with the payload its queue takes (`JobPayloads`). Pass the transaction's EntityManager to enqueue inside it: the job then exists
   * if and only if the transaction commits. `startAfter` (seconds) delays it.
   */
  async send<N extends JobName>(name: N, data: JobPayloads[N], options: SendOptions = {}): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job queue "${name}"`);
    const { manager, startAfter } = options;
    const db = manager ? { executeSql: (text: string, values: unknown[]) => runInTransaction(manager, text, values) } : undefined;
    await this.boss.send(name, data, { ...(db ? { db } : {}), ...(startAfter ? { startAfter } : {}) });
    if (!startAfter) this.wake(name, manager !== undefined);
  }

  /**
   * Forgets a queue's jobs, waiting, done or archived, whose payload's `field` is one of `values`, and its done
   * ones whose payload mentions any of `mentioning` (case ignored), inside the caller's transaction: a deleted
   * member's mail leaves no copy in the queue's tables (README, "Leaving"). A waiting job addressed to someone
   * else is never dropped for a mention: it is theirs.
   */
  async forget(manager: EntityManager, name: JobName, match: { field: string; values: string[]; mentioning: string[] }): Promise<void> {
    // A word as it appears inside the payload's JSON text (quotes and backslashes escaped), lower-cased.
    const words = match.mentioning.filter((word) => word.length > 0).map((word) => JSON.stringify(word.toLowerCase()).slice(1, -1));
    for (const table of ['pgboss.job', 'pgboss.archive']) {
      await manager.query(
        `DELETE FROM ${table} j WHERE j.name = $1 AND (j.data ->> $2 = ANY($3::text[])
            OR (j.state IN ('completed', 'cancelled', 'failed') AND EXISTS (
                 SELECT 1 FROM unnest($4::text[]) w WHERE strpos(lower(j.data::text), w) > 0)))`,
        [name, match.field, match.values, words],
      );
    }
  }

  /** Several jobs of one queue in one statement, with the same options as `send`. */
  async sendMany<N extends JobName>(name: N, items: JobPayloads[N][], options: SendOptions = {}): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job queue "${name}"`);
    if (items.length === 0) return;
    const { manager, startAfter } = options;
    const start = startAfter ? new Date(Date.now() + startAfter * 1000).toISOString() : undefined;
    const db = manager ? { executeSql: (text: string, values: unknown[]) => runInTransaction(manager, text, values) } : undefined;
    await this.boss.insert(
      items.map((data) => ({ name, data, ...(start ? { startAfter: start } : {}) })),
      db ? { db } : {},
    );
    if (!start) this.wake(name, manager !== undefined);
  }
}

async function runInTransaction(manager: EntityManager, text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('JobQueue.send needs the EntityManager of a running transaction');
  const result = await runner.query(text, values, true);
  return { rows: result.records };
}

/**
 * Several processes starting at once on a fresh database (docker compose up) create the same queues at the
 * same moment, and PostgreSQL may pick one of them as a deadlock victim: that one tries again.
 */
async function retryOnDeadlock(work: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const deadlock = (error as { code?: unknown }).code === '40P01';
      if (!deadlock || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}
