import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Delivery keys of mail the SMTP server accepted: all SQL on `delivered_mail` lives here. */
@Injectable()
export class DeliveredMailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isDelivered(key: string): Promise<boolean> {
    const [done] = await this.dataSource.query<unknown[]>('SELECT 1 FROM delivered_mail WHERE key = $1', [key]);
    return done !== undefined;
  }

  async record(key: string): Promise<void> {
    await this.dataSource.query('INSERT INTO delivered_mail (key) VALUES ($1) ON CONFLICT (key) DO NOTHING', [key]);
  }

  /** Forgets keys older than `days`. */
  async pruneOlderThan(days: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM delivered_mail WHERE delivered_at < now() - make_interval(days => $1)`, [days]);
  }
}
