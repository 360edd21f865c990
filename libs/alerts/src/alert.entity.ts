import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import type { AlertSeverity } from '@harbour/contracts';

/**
 * A drug-supply alert (api.md 1.1): what was found, where, how bad, until when. Its writer is kept for the
 * team's own record and never leaves the server (the alert team is not named publicly).
 */
@Entity('alerts')
@Index(['createdAt', 'id'])
// GIN index on regions (the alerts of a region), written by hand in the DrugSupplyAlerts migration.
@Index('alerts_regions_idx', { synchronize: false })
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'title_fr', type: 'varchar', length: 200, nullable: true })
  titleFr: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'body_fr', type: 'text', nullable: true })
  bodyFr: string | null;

  @Column({ type: 'varchar', length: 200 })
  substance: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  appearance: string | null;

  @Column({ name: 'test_result', type: 'varchar', length: 1000, nullable: true })
  testResult: string | null;

  @Column({ type: 'varchar', length: 16 })
  severity: AlertSeverity;

  /** Region codes of the site's list (alert_regions). */
  @Column({ type: 'varchar', length: 16, array: true })
  regions: string[];

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'retracted_at', type: 'timestamptz', precision: 3, nullable: true })
  retractedAt: Date | null;

  /** Who published it: never sent to anyone (the team's members stay unnamed); null once they left the site. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;
}
