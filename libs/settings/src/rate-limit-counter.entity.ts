import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Fixed-window counters shared by every API process. `key` is a keyed hash (of a client address or a
 * member id), never the address itself.
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  bucket: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int', default: 0 })
  count: number;
}
