import type { Locale } from '@harbour/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import { Topic } from './topic.entity';
import { SearchVector } from './search-vector.column';

@Entity('posts')
@Index(['topicId', 'number'], { unique: true })
// A member's posts, newest first: their profile's list and count, their data export and account deletion.
@Index('posts_author_created_idx', ['authorId', 'createdAt'])
// GIN index on search_vector, written by hand in the AddGroupsAndSearch migration.
@Index('posts_search_vector_idx', { synchronize: false })
export class Post {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;

  /**
   * 1 for the topic's first post, then 2, 3, …: reading order, and what read tracking counts. A reply held
   * for review has none (null) until it is approved: numbering it at once would move the topic's count,
   * and with it every member's unread count, for a post nobody else may see.
   */
  @Column({ type: 'int', nullable: true })
  number: number | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** The post this one answers, in the same topic; null for a reply to the topic. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Post, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Post;

  /** Markdown source. */
  @Column({ type: 'text' })
  body: string;

  /** Sanitized HTML rendered from body on write. */
  @Column({ type: 'text' })
  html: string;

  @Column({ name: 'content_warning', type: 'varchar', length: 200, nullable: true })
  contentWarning: string | null;

  /**
   * Posted anonymously: the poster's number in the topic ("Anonymous 2"), the same for each of their anonymous
   * posts in that topic; null for a signed post. The author never leaves the server for such a post.
   */
  @Column({ name: 'anonymous_number', type: 'int', nullable: true })
  anonymousNumber: number | null;

  /** Written by replying to a notification email (the email itself is kept for staff: libs/mail-replies). */
  @Column({ name: 'via_email', type: 'boolean', default: false })
  viaEmail: boolean;

  /** Any member who may reply may edit a wiki post. */
  @Column({ type: 'boolean', default: false })
  wiki: boolean;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Held for moderators (a watched word, a new member's first posts): hidden, and unseen by others, until approved. */
  @Column({ name: 'pending_review', type: 'boolean', default: false })
  pendingReview: boolean;

  /** Indexed: search ranks the newest matches of a common word, walking this index backwards. */
  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** Edits of the body so far: an editor sends back the one they edited from, so a stale edit is refused, not lost. */
  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** The language the body is indexed in for search (stemming): detected, or the author's locale. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Locale;

  /** Full-text index of the body (see SearchVector). */
  @SearchVector('body')
  searchVector?: string;
}
