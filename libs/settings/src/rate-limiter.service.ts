import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { keyedHash, RateLimitedError } from '@harbour/common';

/**
 * Fixed-window counters in PostgreSQL, so that every API process shares them. Subjects (a client address,
 * a member id) are stored as keyed hashes only.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /** Counts one hit; throws RateLimitedError (429, Retry-After) past `limit` in the window. 0 = no limit. */
  async consume(bucket: string, subject: string, limit: number, windowSeconds: number): Promise<void> {
    if (limit <= 0) return;
    const key = keyedHash(this.config.sessionSecret ?? '', `${bucket}:${subject}`);
    const rows: { count: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters (bucket, key, window_start, count)
       VALUES ($1, $2, to_timestamp(floor(extract(epoch FROM now()) / $3) * $3), 1)
       ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
       RETURNING count, ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))::int AS retry_after`,
      [bucket, key, windowSeconds],
    );
    const row = rows[0];
    if (Math.random() < 0.01) {
      // Old windows are useless; sweeping now and then keeps the table small without a scheduled job.
      await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_start < now() - interval '2 days'`);
    }
    if (row && row.count > limit) throw new RateLimitedError(Math.max(1, row.retry_after));
  }
}
