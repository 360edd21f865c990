import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A place for topics: public (groupId null) or belonging to a group. Nesting is one level deep. */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 90 })
  slug: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  /** The owning group; its topics are visible only to the group's members and admins. */
  @Index()
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Category;

  @Column({ type: 'int', default: 0 })
  position: number;

  /** Kept in the writing transaction (topic created, moved, deleted). */
  @Column({ name: 'topic_count', type: 'int', default: 0 })
  topicCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
