import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Rate-limit windows: all SQL on `rate_limit_counters` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class RateLimitCounterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit in the current fixed window; answers the count and the seconds left in the window. */
  async hit(bucket: string, key: string, windowSeconds: number): Promise<{ count: number; retryAfter: number } | null> {
    const rows: { count: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters (bucket, key, window_start, count)
       VALUES ($1, $2, to_timestamp(floor(extract(epoch FROM now()) / $3) * $3), 1)
       ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
       RETURNING count, ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))::int AS retry_after`,
      [bucket, key, windowSeconds],
    );
    const row = rows[0];
    return row ? { count: row.count, retryAfter: row.retry_after } : null;
  }

  /** Old windows are useless once over. */
  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_start < now() - interval '2 days'`);
  }
}
