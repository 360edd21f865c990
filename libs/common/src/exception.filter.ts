import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, RateLimitedError } from './domain-errors';

const REASONS: Record<number, string> = {
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
};

/** Errors the JSON body parser raises carry an HTTP status and a `type`. */
interface ParserError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** One place that turns every error into `{ statusCode, message, error }` (api.md's error shape). */
@Catch()
export class HarbourExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { statusCode, message } = this.describe(exception);
    if (exception instanceof RateLimitedError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(statusCode).json({ statusCode, message, error: REASONS[statusCode] ?? 'Error' });
  }

  private describe(exception: unknown): { statusCode: number; message: string | string[] } {
    if (exception instanceof DomainError) return { statusCode: exception.status, message: exception.message };
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? (body as { message: string | string[] }).message
          : exception.message;
      return { statusCode: exception.getStatus(), message };
    }
    const parser = exception as ParserError;
    const parserStatus = parser?.status ?? parser?.statusCode;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500 && parser.type) {
      if (parser.type === 'entity.too.large') return { statusCode: 413, message: 'The request body is too large' };
      if (parser.type === 'entity.parse.failed') return { statusCode: 400, message: 'The request body is not valid JSON' };
      return { statusCode: parserStatus, message: 'The request body could not be read' };
    }
    // Unexpected: log the stack (never the request), answer a bare 500.
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
