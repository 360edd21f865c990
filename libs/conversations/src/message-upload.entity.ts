import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Upload } from '@harbour/uploads';
import { Message } from './message.entity';

/** A message shows or links to one of its author's uploads: whoever sees the conversation may fetch the file. */
@Entity('message_uploads')
@Index(['uploadId'])
export class MessageUpload {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  @PrimaryColumn({ name: 'upload_id', type: 'uuid' })
  uploadId: string;

  @ManyToOne(() => Upload, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: Upload;
}
