import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@harbour/accounts';

/**
 * A member's unsent text for one place (its key: `topic:<id>`, `new-topic:<categoryId>`, `conversation:<id>`,
 * `new-conversation`). One row per member and key, so saving again (or from another device) replaces it.
 */
@Entity('drafts')
export class Draft {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ name: 'content_warning', type: 'varchar', length: 200, nullable: true })
  contentWarning: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
