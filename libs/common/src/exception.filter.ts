import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { databaseUnavailable } from './database-unavailable';
import { DomainError, MovedPermanentlyError, RateLimitedError } from './domain-errors';

const REASONS: Record<number, string> = {
  301: 'Moved Permanently',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Errors the JSON body parser raises carry an HTTP status and a `type`. */
interface ParserError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/**
 * PostgreSQL's codes for a value it cannot take: bad text for a type (22P02), a date it cannot read or store
 * (22007, 22008), NUL or an untranslatable character (22021, 22P05), a number out of range (22003), a value
 * too long (22001, 54000). Validation must refuse each first, naming the field; these are the last line.
 */
const REFUSED_VALUE_CODES = new Set(['22P02', '22007', '22008', '22021', '22P05', '22003', '22001', '54000']);

/** PostgreSQL's foreign_key_violation: a row written names one that is gone. */
const FOREIGN_KEY_VIOLATION = '23503';

/** A TypeORM QueryFailedError carries the pg error's fields, and the pg error itself in `driverError`. */
function databaseCode(exception: unknown): string | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const error = exception as { code?: unknown; driverError?: { code?: unknown } };
  const code = typeof error.code === 'string' ? error.code : error.driverError?.code;
  return typeof code === 'string' ? code : null;
}

function databaseRefusal(exception: unknown): { code: string; routine: string } | null {
  const code = databaseCode(exception);
  if (code === null || !REFUSED_VALUE_CODES.has(code)) return null;
  const error = exception as { routine?: unknown; driverError?: { routine?: unknown } };
  const routine = error.routine ?? error.driverError?.routine;
  return { code, routine: typeof routine === 'string' ? routine : 'unknown' };
}

/** One place that turns every error into `{ statusCode, message, error }` (api.md's error shape). */
@Catch()
export class HarbourExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { statusCode, message } = this.describe(exception);
    const details = exception instanceof DomainError ? exception.details : undefined;
    if (exception instanceof RateLimitedError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (exception instanceof MovedPermanentlyError) response.setHeader('Location', exception.location);
    if (statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(statusCode).json({ ...details, statusCode, message, error: REASONS[statusCode] ?? 'Error' });
  }

  private describe(exception: unknown): { statusCode: number; message: string | string[] } {
    if (exception instanceof DomainError) return { statusCode: exception.status, message: exception.message };
    // Nest wraps body-parser's errors in an HttpException (its message is the JSON parser's): say it plainly.
    const parsed = exception instanceof HttpException ? this.parserError(exception.cause) : null;
    if (parsed) return parsed;
    if (exception instanceof HttpException && exception.cause instanceof URIError) {
      return { statusCode: 400, message: 'The address holds a malformed %-escape (a path parameter or query value)' };
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? (body as { message: string | string[] }).message
          : exception.message;
      return { statusCode: exception.getStatus(), message };
    }
    const parserError = this.parserError(exception);
    if (parserError) return parserError;
    const refusal = databaseRefusal(exception);
    if (refusal) {
      // A 400 for the caller, and one warning line so the missing validation is fixed: no stack, and not
      // PostgreSQL's message, which quotes the value (logs never hold what members typed).
      this.logger.warn(`Validation let through a value the database refused (${refusal.code} in ${refusal.routine})`);
      return { statusCode: HttpStatus.BAD_REQUEST, message: 'The request holds a value that cannot be stored' };
    }
    if (databaseCode(exception) === FOREIGN_KEY_VIOLATION) {
      // A race, not a bug: what the request names was removed between its checks and its write (a topic
      // started in a category being deleted). The write is refused; the caller reloads and sees why.
      this.logger.warn('A write named a row removed meanwhile (23503)');
      return { statusCode: HttpStatus.CONFLICT, message: 'Something this refers to was removed meanwhile: reload and try again' };
    }
    if (databaseUnavailable(exception)) {
      // Not a bug: the database is restarting or unreachable. One line, no stack; the caller may retry.
      this.logger.warn(`The database is unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: 'The service is briefly unavailable; try again in a moment' };
    }
    // Unexpected: log the stack (never the request), answer a bare 500.
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }

  private parserError(exception: unknown): { statusCode: number; message: string } | null {
    const parser = exception as ParserError | undefined;
    const parserStatus = parser?.status ?? parser?.statusCode;
    if (typeof parserStatus !== 'number' || parserStatus < 400 || parserStatus >= 500 || !parser?.type) return null;
    if (parser.type === 'entity.too.large') return { statusCode: 413, message: 'The request body is too large' };
    if (parser.type === 'entity.parse.failed') return { statusCode: 400, message: 'The request body is not valid JSON' };
    return { statusCode: parserStatus, message: 'The request body could not be read' };
  }
}
