import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import { Post } from './post.entity';

/** The body a post had before an edit, and who replaced it when. */
@Entity('post_revisions')
export class PostRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'editor_id', type: 'uuid' })
  editorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'editor_id' })
  editor?: User;

  @Column({ name: 'edited_at', type: 'timestamptz' })
  editedAt: Date;
}
