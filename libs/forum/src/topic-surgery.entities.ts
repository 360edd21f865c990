import type { TopicNoticeKind } from '@harbour/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Category } from './category.entity';
import { Topic } from './topic.entity';

/**
 * A small notice in a thread left by staff surgery (a move, a split, a merge). Who did it is in the
 * moderation log, not here: the thread tells readers what happened to it, not which moderator acted.
 */
@Entity('topic_notices')
@Index('topic_notices_topic_created_idx', ['topicId', 'createdAt'])
export class TopicNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId: string;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;

  @Column({ type: 'varchar', length: 16 })
  kind: TopicNoticeKind;

  @Column({ name: 'post_count', type: 'int', nullable: true })
  postCount: number | null;

  /** The topic posts went to or came from, while it exists (a merged-away topic's notices point at its heir). */
  @Column({ name: 'other_topic_id', type: 'uuid', nullable: true })
  otherTopicId: string | null;

  @ManyToOne(() => Topic, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'other_topic_id' })
  otherTopic?: Topic | null;

  /** A merged-away topic's title as it was: shown to readers who may see `otherCategoryId`. */
  @Column({ name: 'other_title', type: 'varchar', length: 200, nullable: true })
  otherTitle: string | null;

  /** A move's former category; a merged-away topic's category (what its title's readers could see). */
  @Column({ name: 'other_category_id', type: 'uuid', nullable: true })
  otherCategoryId: string | null;

  @ManyToOne(() => Category, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'other_category_id' })
  otherCategory?: Category | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A topic merged into another: `GET /api/topics/:old` answers 301 to its heir (kept current by later merges). */
@Entity('topic_redirects')
export class TopicRedirect {
  @PrimaryColumn({ name: 'old_topic_id', type: 'uuid' })
  oldTopicId: string;

  @Index()
  @Column({ name: 'new_topic_id', type: 'uuid' })
  newTopicId: string;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'new_topic_id' })
  newTopic?: Topic;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
