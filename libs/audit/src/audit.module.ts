import { Module } from '@nestjs/common';
import { ModerationLogRepository } from './moderation-log.repository';

/** The moderation log's reader; writers need no module, only `audit(manager, …)`. */
@Module({
  providers: [ModerationLogRepository],
  exports: [ModerationLogRepository],
})
export class AuditModule {}
