import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { paginateNewestFirst } from '@harbour/common';
import type { AlertSeverity } from '@harbour/contracts';
import { Alert } from './alert.entity';

/** What an alert says (every field but its times and writer). */
export interface AlertFields {
  title: string;
  titleFr: string | null;
  body: string;
  bodyFr: string | null;
  substance: string;
  appearance: string | null;
  testResult: string | null;
  severity: AlertSeverity;
  regions: string[];
  expiresAt: Date;
}

/** Alerts: all SQL on `alerts` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(fields: AlertFields, authorId: string, manager: EntityManager): Promise<Alert> {
    const repository = manager.getRepository(Alert);
    return repository.save(repository.create({ ...fields, authorId, retractedAt: null }));
  }

  find(id: string, manager?: EntityManager): Promise<Alert | null> {
    return this.db(manager).findOne(Alert, { where: { id } });
  }

  /** The alert, locked for an edit or a retraction in `manager`'s transaction (two at once take turns). */
  lock(id: string, manager: EntityManager): Promise<Alert | null> {
    return manager.getRepository(Alert).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  async update(id: string, changes: Partial<AlertFields>, manager: EntityManager): Promise<void> {
    // Even an empty PATCH moves updated_at: the answer's time says when it was last confirmed.
    await manager.update(Alert, { id }, { ...changes, updatedAt: new Date() });
  }

  async retract(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE alerts SET retracted_at = now(), updated_at = now() WHERE id = $1 AND retracted_at IS NULL', [id]);
  }

  /** Newest first; `region`: those naming it; `active`: neither retracted nor expired. */
  page(query: {
    region?: string;
    active: boolean;
    cursor?: string;
    limit?: number;
  }): Promise<{ items: Alert[]; nextCursor: string | null }> {
    const builder = this.dataSource.getRepository(Alert).createQueryBuilder('a');
    builder.where('true');
    if (query.region) builder.andWhere('a.regions @> ARRAY[:region]::varchar[]', { region: query.region });
    if (query.active) builder.andWhere('a.retracted_at IS NULL AND a.expires_at > now()');
    return paginateNewestFirst(builder, query, 'createdAt', (alert) => alert);
  }

  /** The feed's entries: active alerts (of a region), newest first. */
  active(region: string | undefined, limit: number): Promise<Alert[]> {
    const builder = this.dataSource.getRepository(Alert).createQueryBuilder('a').where('a.retracted_at IS NULL AND a.expires_at > now()');
    if (region) builder.andWhere('a.regions @> ARRAY[:region]::varchar[]', { region });
    return builder.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).getMany();
  }

  /** A leaving member's alerts stay (they warn others) without their name (README, "Leaving"). */
  async forgetAuthor(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE alerts SET author_id = NULL WHERE author_id = $1', [userId]);
  }
}
