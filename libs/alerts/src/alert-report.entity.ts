import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertReportStatus } from '@harbour/contracts';
import { Alert } from './alert.entity';

/**
 * Someone's report of a bad batch, for the alert team. Only what they wrote is kept: no account, address,
 * user agent or any other trace of who sent it (api.md 1.1). `contact` is theirs to give and the team's alone.
 */
@Entity('alert_reports')
@Index(['status', 'createdAt', 'id'])
export class AlertReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  region: string;

  @Column({ type: 'varchar', length: 200 })
  substance: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  contact: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: AlertReportStatus;

  /** The alert published from it (`fromReportId`), which closed it. */
  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @ManyToOne(() => Alert, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'alert_id' })
  alert?: Alert;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
