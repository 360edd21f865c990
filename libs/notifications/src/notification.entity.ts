import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import type { NotificationType } from '@harbour/contracts';
import { Post, Topic } from '@harbour/forum';
import { Conversation } from '@harbour/conversations';
import { Group } from '@harbour/groups';

/**
 * One thing a member is told about. Notifications that pile up (reactions to one post, new posts in one
 * watched topic) share a `groupKey`: while the first is unread the next ones raise its `count` and bring it
 * back to the top instead of adding rows (a partial unique index in the migration keeps that exact).
 * What is shown about the topic, post or group is read at list time, after the access check, so a topic
 * moved into a private space stops showing at once; deleting one of them deletes its notifications.
 */
@Entity('notifications')
@Index(['userId', 'createdAt'])
@Index('notifications_unread_group_key', ['userId', 'groupKey'], { unique: true, where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  type: NotificationType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User | null;

  @Column({ name: 'topic_id', type: 'uuid', nullable: true })
  topicId: string | null;

  @ManyToOne(() => Topic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic | null;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post | null;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Group | null;

  /** A `message` notification's conversation: listed only while the member still sees it. */
  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation | null;

  /** Small facts of the event itself (the emoji of a reaction); never content of a space. */
  @Column({ type: 'jsonb', default: {} })
  data: { emoji?: string };

  @Column({ name: 'group_key', type: 'varchar', length: 80, nullable: true })
  groupKey: string | null;

  @Column({ type: 'int', default: 1 })
  count: number;

  /** False when the member wants this type by email only: it is kept for the email, not listed. */
  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp: boolean;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', precision: 3, nullable: true })
  emailedAt: Date | null;

  /** Raised to now() when a grouped notification gathers another event. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
