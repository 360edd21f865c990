import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export interface JobsOptions {
  databaseUrl: string;
  /** Drain queues in this process (npm start, the worker); API processes behind a separate worker do not. */
  runWorker: boolean;
  /** How often an idle worker looks for jobs; tests use a short interval. */
  pollingIntervalSeconds?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

export interface JobDefinition {
  name: string;
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
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly schedules = new Map<string, string>();
  private readonly startupRuns = new Set<string>();

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {
    this.boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, schema: 'pgboss', application_name: 'harbour-jobs' });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
  }

  /** Declares a queue; each lib that sends jobs declares its own in its constructor. */
  define(definition: JobDefinition): void {
    this.definitions.set(definition.name, definition);
  }

  /** Registers the handler that drains a queue (only runs in a process with runWorker). */
  handle<T>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /** Runs a queue's handler on a cron schedule (pg-boss keeps one schedule for all processes). */
  schedule(name: string, cron: string): void {
    this.schedules.set(name, cron);
  }

  /** Runs a queue's handler once when a worker starts, as well as on its schedule (catching up after a crash). */
  runAtWorkerStart(name: string): void {
    this.startupRuns.add(name);
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      await this.boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelay,
        retryBackoff: true,
        ...(definition.expireInSeconds ? { expireInSeconds: definition.expireInSeconds } : {}),
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
            await this.runBatch(name, jobs, handler);
            // Jobs came, so more may be coming (a burst of resets): look again at once, not after the polling interval.
            if (jobs.length > 0) this.boss.notifyWorker(workerId);
          },
        );
      }
    }
    for (const name of this.startupRuns) await this.send(name, {});
  }

  /**
   * Runs a batch's jobs at once and settles each alone as soon as it ends: completed only after its
   * handler succeeded (a mail marked done has gone), failed alone (its retry never repeats a neighbour
   * already sent). pg-boss's own settling of the whole batch afterwards then finds nothing still active.
   */
  private async runBatch(name: string, jobs: PgBoss.Job<unknown>[], handler: JobHandler<unknown>): Promise<void> {
    const settled = await Promise.allSettled(
      jobs.map(async (job) => {
        try {
          await handler(job.data);
        } catch (error) {
          this.logger.warn(`Job ${name} ${job.id} failed; it will be retried until its limit`);
          await this.boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
          return;
        }
        await this.boss.complete(name, job.id);
      }),
    );
    // Only settling itself can fail here (the database gone): pg-boss then fails what is still active.
    const broken = settled.find((outcome) => outcome.status === 'rejected');
    if (broken) throw broken.reason;
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
  }

  /**
   * Enqueues a job. Pass the transaction's EntityManager to enqueue inside it: the job then exists
   * if and only if the transaction commits. `startAfter` (seconds) delays it.
   */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job queue "${name}"`);
    const { manager, startAfter } = options;
    const db = manager ? { executeSql: (text: string, values: unknown[]) => runInTransaction(manager, text, values) } : undefined;
    await this.boss.send(name, data, { ...(db ? { db } : {}), ...(startAfter ? { startAfter } : {}) });
  }

  /** Several jobs of one queue in one statement, with the same options as `send`. */
  async sendMany<T extends object>(name: string, items: T[], options: SendOptions = {}): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job queue "${name}"`);
    if (items.length === 0) return;
    const { manager, startAfter } = options;
    const start = startAfter ? new Date(Date.now() + startAfter * 1000).toISOString() : undefined;
    const db = manager ? { executeSql: (text: string, values: unknown[]) => runInTransaction(manager, text, values) } : undefined;
    await this.boss.insert(
      items.map((data) => ({ name, data, ...(start ? { startAfter: start } : {}) })),
      db ? { db } : {},
    );
  }
}

async function runInTransaction(manager: EntityManager, text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('JobQueue.send needs the EntityManager of a running transaction');
  const result = await runner.query(text, values, true);
  return { rows: result.records };
}
