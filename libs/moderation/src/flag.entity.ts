import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagReason } from '@harbour/contracts';

/** One member's report. The reported member never sees who made it; other reporters never do either. */
@Entity('flags')
@Index('flags_one_per_reporter', ['itemId', 'reporterId'], { unique: true })
export class Flag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @Column({ type: 'varchar', length: 16 })
  reason: FlagReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
