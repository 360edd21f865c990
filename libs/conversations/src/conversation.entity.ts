import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import { Group } from '@harbour/groups';

/**
 * A private conversation. Between members, its participants are its `conversation_participants` rows; a
 * group inbox (`groupId`) also reaches the group's current owners and moderators, read from the group's
 * memberships whenever it is asked, so staff join and leave it as the group's staff changes.
 */
@Entity('conversations')
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Index()
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  /** A deleted group leaves its inbox's conversations to their participants, as between members. */
  @ManyToOne(() => Group, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'group_id' })
  group?: Group | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  /** Numbers the messages 1, 2, 3…: unread counts are `messageCount - lastReadNumber`, kept in the writing transaction. */
  @Column({ name: 'message_count', type: 'int', default: 0 })
  messageCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' })
  lastMessageAt: Date;
}

/**
 * One member's place in a conversation: `participant` (named in it), `staff` (a group inbox's staff member
 * who opened it: the row only keeps their read position; being staff is what lets them in) or `left`.
 */
export type ParticipantKind = 'participant' | 'staff' | 'left';

@Entity('conversation_participants')
// A member's inbox: their rows, then the conversations by activity.
@Index(['userId', 'kind'])
export class ConversationParticipant {
  @Column({ name: 'conversation_id', type: 'uuid', primary: true })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  kind: ParticipantKind;

  /** The number of the last message they have read (0: none). */
  @Column({ name: 'last_read_number', type: 'int', default: 0 })
  lastReadNumber: number;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
