import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportFile, type MemberDataPart } from '@harbour/common';
import { JobQueue } from '@harbour/jobs';
import { SEND_MAIL_JOB } from './mail.service';
import { OutboxService } from './outbox.service';

/**
 * What mail holds about a member: the queued and sent messages in the job queue's tables (addressed to them,
 * or done and naming them), and the outbox's .eml copies when there is no SMTP server. Delivery keys name
 * nobody. Nothing to export: mail history is not kept as such.
 */
@Injectable()
export class MailMemberData implements MemberDataPart {
  readonly name = 'mail';

  constructor(
    private readonly jobs: JobQueue,
    private readonly outbox: OutboxService,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  export(): Promise<Record<string, ExportFile>> {
    return Promise.resolve({});
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<() => void> {
    const words = [member.email, member.username, member.displayName];
    await this.jobs.forget(manager, SEND_MAIL_JOB, { field: 'to', values: [member.email], mentioning: words });
    // Files are not in the transaction: the outbox's copies go once the deletion has committed.
    return () => this.outbox.forget(words);
  }
}
