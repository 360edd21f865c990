import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SanctionType } from '@harbour/contracts';

/** A warning, silence, suspension or ban of one member, with its reason; lifted rather than deleted. */
@Entity('sanctions')
@Index(['userId', 'createdAt'])
export class Sanction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  type: SanctionType;

  @Column({ type: 'text' })
  reason: string;

  /** The end of a silence or suspension; null for a warning or a ban. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  until: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'lifted_at', type: 'timestamptz', precision: 3, nullable: true })
  liftedAt: Date | null;

  /** A warning stays in front of the member until they say they have read it. */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  /** One appeal per sanction. */
  @Column({ name: 'appeal_message', type: 'text', nullable: true })
  appealMessage: string | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', precision: 3, nullable: true })
  appealedAt: Date | null;

  /**
   * Given through an anonymous post (POST /api/moderation/posts/:id/sanctions): left out of the member's record
   * and of the queue's history for staff, which would otherwise tell who wrote it. It binds all the same.
   */
  @Column({ name: 'through_anonymous_post', type: 'boolean', default: false })
  throughAnonymousPost: boolean;
}
