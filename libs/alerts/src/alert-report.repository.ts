import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { paginateNewestFirst } from '@harbour/common';
import type { AlertReportStatus } from '@harbour/contracts';
import { AlertReport } from './alert-report.entity';

/** Reports of bad batches: all SQL on `alert_reports` lives here. */
@Injectable()
export class AlertReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Only what the reporter wrote: nothing else exists to store. */
  async insert(fields: { region: string; substance: string; description: string; contact: string | null }): Promise<void> {
    await this.dataSource.manager.insert(AlertReport, { ...fields, status: 'open', alertId: null });
  }

  page(query: {
    status?: AlertReportStatus;
    cursor?: string;
    limit?: number;
  }): Promise<{ items: AlertReport[]; nextCursor: string | null }> {
    const builder = this.dataSource.getRepository(AlertReport).createQueryBuilder('r').where('true');
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    return paginateNewestFirst(builder, query, 'createdAt', (report) => report);
  }

  /** Dismisses an open report; answers whether the report exists (dismissing twice is the same 204). */
  async dismiss(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE alert_reports SET status = CASE WHEN status = 'open' THEN 'dismissed' ELSE status END WHERE id = $1`,
      [id],
    );
    return count > 0;
  }

  /** Closes an open report with the alert made from it; false when there is no open report by that id. */
  async close(id: string, alertId: string, manager: EntityManager): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE alert_reports SET status = 'closed', alert_id = $2 WHERE id = $1 AND status = 'open'`,
      [id, alertId],
    );
    return count > 0;
  }

  /** Locks an open report for the alert about to close it (two alerts from one report: the second is refused). */
  async lockOpen(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM alert_reports WHERE id = $1 AND status = 'open' FOR UPDATE`, [id]);
    return rows.length > 0;
  }
}
