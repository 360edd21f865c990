import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One staff action: who, what, on what, and why. Rows are only ever inserted: a trigger in the migration
 * refuses UPDATE and DELETE, so not even a bug can rewrite the record.
 */
@Entity('moderation_log')
@Index(['createdAt'])
export class ModerationLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** `flag.dismiss`, `post.hide`, `sanction.suspend`, `user.role`, `settings.update`, `watched_word.add`, … */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 16 })
  targetType: string;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
