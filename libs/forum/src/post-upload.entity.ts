import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Upload } from '@harbour/uploads';
import { Post } from './post.entity';

/** A post shows or links to one of its author's uploads: whoever may see the post may fetch the file. */
@Entity('post_uploads')
@Index(['uploadId'])
export class PostUpload {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @PrimaryColumn({ name: 'upload_id', type: 'uuid' })
  uploadId: string;

  @ManyToOne(() => Upload, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: Upload;
}
