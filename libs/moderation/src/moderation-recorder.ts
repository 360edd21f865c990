import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { audit } from '@harbour/audit';
import { DomainEvents } from '@harbour/common';

/**
 * Records in the moderation log the staff actions other libs make (StaffActed), so that they need not
 * know the log exists. The moderation lib's own actions are logged inside their transactions instead.
 */
@Injectable()
export class ModerationRecorder implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('StaffActed', (event) => audit(this.dataSource.manager, event));
  }
}
