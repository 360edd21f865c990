import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Mailing } from './mailing.entity';

/** The namespace of the advisory locks that make one worker at a time the sender of a mailing. */
const SENDER_LOCK_NAMESPACE = 7301;

/** Mailings: all SQL on `mailings` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class MailingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `send` as the one sender of the mailing: it holds a PostgreSQL advisory lock on a connection of
   * its own for as long as it sends, so the lock dies with its process. Does nothing (false) when another
   * process holds it.
   */
  async whileSenderOf(mailingId: string, send: () => Promise<void>): Promise<boolean> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    try {
      const [row] = (await connection.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [
        SENDER_LOCK_NAMESPACE,
        mailingId,
      ])) as { locked: boolean }[];
      if (!row?.locked) return false;
      try {
        await send();
        return true;
      } finally {
        await connection.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SENDER_LOCK_NAMESPACE, mailingId]);
      }
    } finally {
      await connection.release();
    }
  }

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A mailing, row-locked when asked (inside the caller's transaction). */
  find(id: string, options: { lock?: boolean } = {}, manager?: EntityManager): Promise<Mailing | null> {
    return this.db(manager).findOne(Mailing, { where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findById(id: string, manager?: EntityManager): Promise<Mailing | null> {
    return this.db(manager).findOneBy(Mailing, { id });
  }

  insert(fields: Partial<Mailing>, manager?: EntityManager): Promise<Mailing> {
    const db = this.db(manager);
    return db.save(db.create(Mailing, fields));
  }

  save(mailing: Mailing, manager: EntityManager): Promise<Mailing> {
    return manager.save(mailing);
  }

  async delete(id: string): Promise<void> {
    await this.db().delete(Mailing, { id });
  }

  /** The admins' list (paged newest first by the caller). */
  listQuery(): SelectQueryBuilder<Mailing> {
    return this.dataSource.getRepository(Mailing).createQueryBuilder('mailing');
  }

  /** The archive: a condition on alias `mailing` (AccessService.archivedMailings). */
  archiveQuery(scope: { where: string; params: Record<string, unknown> }): SelectQueryBuilder<Mailing> {
    return this.dataSource.getRepository(Mailing).createQueryBuilder('mailing').where(scope.where, scope.params);
  }

  async schedule(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(Mailing, { id }, { status: 'scheduled', scheduledAt: at });
  }

  /** Sending began with `total` recipients written. */
  async markSending(id: string, total: number, manager: EntityManager): Promise<void> {
    await manager.update(Mailing, { id }, { status: 'sending', startedAt: new Date(), total });
  }

  /** A scheduled mailing back to draft; false when it was not scheduled (or does not exist). */
  async cancelScheduled(id: string, manager?: EntityManager): Promise<boolean> {
    const [, changed] = await this.db(manager).query<[unknown, number]>(
      `UPDATE mailings SET status = 'draft', scheduled_at = NULL, updated_at = now() WHERE id = $1 AND status = 'scheduled'`,
      [id],
    );
    return changed > 0;
  }

  /** Mailings that should be moving: sending, or scheduled and due. */
  async dueIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM mailings WHERE status = 'sending' OR (status = 'scheduled' AND scheduled_at <= now())`,
    );
    return rows.map((row) => row.id);
  }

  /** Nothing waits any more: sent if any copy went (or there was nobody to send to), else failed. */
  async finish(id: string): Promise<void> {
    await this.db().query(
      `UPDATE mailings SET sent_at = now(), updated_at = now(),
              status = CASE WHEN total = 0 OR EXISTS (SELECT 1 FROM mailing_deliveries WHERE mailing_id = $1 AND status = 'sent') THEN 'sent' ELSE 'failed' END
        WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }
}
