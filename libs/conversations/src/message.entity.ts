import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import { Conversation } from './conversation.entity';

@Entity('messages')
@Index(['conversationId', 'number'], { unique: true })
// A member's messages: their export and their account's deletion.
@Index(['authorId'])
// GIN index on search_vector, written by hand in the Conversations migration.
@Index('messages_search_vector_idx', { synchronize: false })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** 1, 2, 3… in the conversation: reading order and read positions. */
  @Column({ type: 'int' })
  number: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** Markdown source; empty once its author deleted their account with their words. */
  @Column({ type: 'text' })
  body: string;

  /** Sanitized HTML rendered from body on write, exactly as for posts. */
  @Column({ type: 'text' })
  html: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** Set when its author's account was deleted with their words: the message stays, as a tombstone. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /**
   * Full-text index of the body for the member's own inbox search, with the `simple` configuration (no
   * stemming): a conversation mixes languages, and it is searched only among the caller's own conversations.
   */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', body)`,
  })
  searchVector?: string;
}

/** A message's body before an edit: edits are kept, as for posts. */
@Entity('message_revisions')
export class MessageRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'edited_at', type: 'timestamptz' })
  editedAt: Date;
}
