import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import { Post } from '@harbour/forum';

export type UnmaskStatus = 'pending' | 'approved';

/**
 * A moderator's request to learn who wrote an anonymous post (api.md 1.1, Anonymous posting). It names no
 * author: the author is read from the post only when a different admin approves, and then shown to those two.
 */
@Entity('unmask_requests')
@Index(['status', 'createdAt'])
export class UnmaskRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_id' })
  requester?: User;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: UnmaskStatus;

  @Column({ name: 'approver_id', type: 'uuid', nullable: true })
  approverId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approver_id' })
  approver?: User;

  @Column({ name: 'approved_at', type: 'timestamptz', precision: 3, nullable: true })
  approvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
