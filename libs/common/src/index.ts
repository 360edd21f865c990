export * from './domain-errors';
export { HarbourExceptionFilter } from './exception.filter';
export { hashToken, keyedHash, newToken } from './tokens';
export {
  CleanText,
  NoNul,
  Optional,
  PageQueryDto,
  SafeText,
  StorableDate,
  UNSAFE_TEXT,
} from './validation';
export { findHostileText, HostileInputPipe } from './hostile-input.pipe';
export { FIRST_YEAR, isStorableDate, LAST_YEAR } from './dates';
export { decodeCursor, encodeCursor, isCursorInstant, toPage } from './cursor';
export type { CursorPosition } from './cursor';
export { isUuid } from './ids';
export { CommonModule } from './common.module';
export { DomainEvents } from './domain-events';
export type { DomainEventMap, DomainEventName } from './domain-events';
export { paginateNewestFirst } from './paginate';
export { hotQuery } from './hot-query';
export { MicroBatch } from './micro-batch';
