export * from './domain-errors';
export { HarbourExceptionFilter } from './exception.filter';
export { hashToken, keyedHash, newToken } from './tokens';
export { CleanText, PageQueryDto, SafeText, UNSAFE_TEXT } from './validation';
export { decodeCursor, encodeCursor, toPage } from './cursor';
export type { CursorPosition } from './cursor';
export { isUuid } from './ids';
