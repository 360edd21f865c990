import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '@harbour/accounts';
import { Message } from '@harbour/conversations';
import { Post } from '@harbour/forum';

/**
 * A reply that came by email: claimed before it is posted (so that the same email delivered twice, or eight
 * times at once, makes one post), then tied to the post or message it became, with the email as received for
 * staff to read. An anonymous post keeps no email (it names its author).
 */
@Entity('email_originals')
@Unique('email_originals_once', ['userId', 'messageKey'])
@Index('email_originals_post', ['postId'])
export class EmailOriginal {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** SHA-256 of the email's Message-ID (or of the whole email when it has none): what makes a redelivery the same email. */
  @Column({ name: 'message_key', type: 'varchar', length: 64 })
  messageKey: string;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ name: 'conversation_message_id', type: 'uuid', nullable: true })
  conversationMessageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_message_id' })
  conversationMessage?: Message;

  /** The email as received (null for an anonymous post, and until it is posted). */
  @Column({ type: 'bytea', nullable: true })
  raw: Buffer | null;

  /** When this delivery took the email; a claim left by a crash is taken over after a while (EmailOriginals.claim). */
  @Column({ name: 'claimed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  claimedAt: Date;
}
