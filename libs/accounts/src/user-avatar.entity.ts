import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * An uploaded picture, re-encoded as WebP (metadata stripped) at one of a few square sizes. Kept in the
 * database so that deleting an account removes it in the same transaction and a backup holds it.
 */
@Entity('user_avatars')
export class UserAvatar {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The edge in pixels. */
  @PrimaryColumn({ type: 'int' })
  size: number;

  @Column({ type: 'bytea' })
  bytes: Buffer;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
