export { audit } from './audit';
export type { AuditEntry } from './audit';
export { AuditModule } from './audit.module';
export { ModerationLogEntry } from './moderation-log-entry.entity';
export { ModerationLogRepository } from './moderation-log.repository';
export type { LogFilter, LogScope } from './moderation-log.repository';
