import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@harbour/accounts';

/**
 * A file a member uploaded: a picture re-encoded (its thumbnail beside it) or a document as sent. The bytes
 * live in PostgreSQL (README, "Uploads"): every API process reads the same rows, a backup of the database
 * holds them, and deleting an account or a post deletes its files in the same transaction.
 */
@Entity('uploads')
// A member's files: their quota, their export and their account's deletion.
@Index(['uploaderId', 'createdAt'])
export class Upload {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'uploader_id', type: 'uuid' })
  uploaderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'uploader_id' })
  uploader?: User;

  /** The member's file name, cleaned (no path, no control characters), with the extension of what it is. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  /** `picture`: shown inline, re-encoded; `document`: a download, stored as sent. */
  @Column({ type: 'varchar', length: 16 })
  family: 'picture' | 'document';

  /** Of the stored bytes (what the quota counts). */
  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  /** A picture's small WebP version (posts show it inline); null for documents. */
  @Column({ type: 'bytea', nullable: true, select: false })
  thumbnail: Buffer | null;
}
