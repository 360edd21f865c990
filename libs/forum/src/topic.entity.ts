import type { Locale } from '@harbour/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SearchVector } from './search-vector.column';
import { User } from '@harbour/accounts';
import { Category } from './category.entity';

@Entity('topics')
@Index(['categoryId', 'pinned', 'lastPostAt'])
// The topic lists (topic-list.repository): latest and unread by activity, new by creation, site-wide and per category.
@Index('topics_last_post_idx', ['lastPostAt', 'id'])
@Index('topics_created_idx', ['createdAt', 'id'])
@Index('topics_category_created_idx', ['categoryId', 'createdAt'])
// GIN index on search_vector, written by hand in the AddGroupsAndSearch migration.
@Index('topics_search_vector_idx', { synchronize: false })
export class Topic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Category;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Its first post was anonymous: its label number (see Post.anonymousNumber); null when signed. */
  @Column({ name: 'anonymous_number', type: 'int', nullable: true })
  anonymousNumber: number | null;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_post_at', type: 'timestamptz', precision: 3 })
  lastPostAt: Date;

  /**
   * Numbered posts in the topic, tombstones included: also the number the next post gets. Updated under a
   * row lock. A reply held for review is counted (and moves last_post_at) only when it is approved.
   */
  @Column({ name: 'post_count', type: 'int', default: 0 })
  postCount: number;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** Slow mode: one post per member per this many seconds (0: off); set by those who moderate the topic. */
  @Column({ name: 'slow_mode_seconds', type: 'int', default: 0 })
  slowModeSeconds: number;

  /** Its first post is held for review: only its author and those who moderate it see the topic until then. */
  @Column({ name: 'pending_review', type: 'boolean', default: false })
  pendingReview: boolean;

  /** The first post's language: the title is indexed in it. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Locale;

  @SearchVector('title')
  searchVector?: string;
}
