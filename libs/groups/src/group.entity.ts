import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GroupVisibility } from '@harbour/contracts';

/** An organization's or a project's group: members, roles, and (through categories) its private spaces. */
@Entity('groups')
export class Group {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** Lower-case, used in URLs; unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  slug: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  visibility: GroupVisibility;

  /** Kept in the transaction that adds or removes a member. */
  @Column({ name: 'member_count', type: 'int', default: 0 })
  memberCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
