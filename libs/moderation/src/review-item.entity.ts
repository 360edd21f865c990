import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagTargetType } from '@harbour/contracts';

export type ReviewItemKind = 'flags' | 'appeal' | 'held';
export type ReviewItemStatus = 'open' | 'resolved';

/**
 * One entry of the review queue: every open report about one target gathers here (a partial unique index
 * keeps that exact when several members report at once), as does a sanction's appeal.
 */
@Entity('review_items')
@Index('review_items_open_target', ['kind', 'targetType', 'targetId'], { unique: true, where: `status = 'open'` })
@Index(['status', 'createdAt'])
export class ReviewItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReviewItemKind;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: FlagTargetType;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: ReviewItemStatus;

  /** dismiss, hide, delete; approve or reject for an appeal. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: string | null;

  /** A moderator working on the item, so that two do not act at once; a claim lapses (see CLAIM_MINUTES). */
  @Column({ name: 'claimed_by_id', type: 'uuid', nullable: true })
  claimedById: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', precision: 3, nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
