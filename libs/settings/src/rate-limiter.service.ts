import { Inject, Injectable } from '@nestjs/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { keyedHash, RateLimitedError } from '@harbour/common';
import { RateLimitCounterRepository } from './rate-limit-counter.repository';

/**
 * Fixed-window counters in PostgreSQL, so that every API process shares them. Subjects (a client address,
 * a member id) are stored as keyed hashes only.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly counters: RateLimitCounterRepository,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  /** Counts one hit; throws RateLimitedError (429, Retry-After) past `limit` in the window. 0 = no limit. */
  async consume(bucket: string, subject: string, limit: number, windowSeconds: number): Promise<void> {
    if (limit <= 0) return;
    const key = keyedHash(this.config.sessionSecret ?? '', `${bucket}:${subject}`);
    const row = await this.counters.hit(bucket, key, windowSeconds);
    // Sweeping now and then keeps the table small without a scheduled job.
    if (Math.random() < 0.01) await this.counters.sweep();
    if (row && row.count > limit) throw new RateLimitedError(Math.max(1, row.retryAfter));
  }
}
