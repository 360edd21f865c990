import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@harbour/accounts';
import type { MailingStatus } from '@harbour/contracts';
import { Group } from '@harbour/groups';

export type AudienceKind = 'subscribers' | 'members' | 'group';

/** One mailing: its words in English (and French), who it goes to, and where its sending stands. */
@Entity('mailings')
@Check('mailings_status', `status IN ('draft', 'scheduled', 'sending', 'sent', 'failed')`)
@Check('mailings_audience', `audience_kind IN ('subscribers', 'members', 'group')`)
@Index('mailings_newest', ['createdAt', 'id'])
@Index('mailings_archive', ['sentAt', 'id'], { where: `status = 'sent' AND audience_kind <> 'group'` })
export class Mailing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'subject_fr', type: 'varchar', length: 200, nullable: true })
  subjectFr: string | null;

  @Column({ name: 'body_fr', type: 'text', nullable: true })
  bodyFr: string | null;

  @Column({ name: 'audience_kind', type: 'varchar', length: 16 })
  audienceKind: AudienceKind;

  @Column({ name: 'audience_group_id', type: 'uuid', nullable: true })
  audienceGroupId: string | null;

  @ManyToOne(() => Group, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'audience_group_id' })
  audienceGroup?: Group;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: MailingStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz', precision: 3, nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  /** Recipients written when sending began. */
  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
