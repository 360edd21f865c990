/**
 * Errors that say the database cannot be reached right now (a restart, a failover, a network cut), as
 * opposed to a query that failed: connection refused or reset, PostgreSQL shutting down or starting up
 * (57P01–57P03) or a connection exception (class 08). The request may be tried again in a moment.
 */
const UNAVAILABLE_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/**
 * TypeORM's errors for a transaction whose connection was dropped between two of its statements (the pg
 * client's error event releases the query runner): the next statement finds it released. Harbour releases a
 * runner only at the end of its transaction, so these mean a lost connection (seen in faults.e2e-spec.ts, and
 * reproduced by restarting PostgreSQL under transactions of three statements).
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function databaseUnavailable(exception: unknown): boolean {
  if (typeof exception !== 'object' || exception === null) return false;
  if (exception instanceof Error && RELEASED_RUNNER_ERRORS.has(exception.name)) return true;
  const error = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = typeof error.code === 'string' ? error.code : error.driverError?.code;
  if (typeof code === 'string' && (UNAVAILABLE_SYSTEM_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')))
    return true;
  // pg says so in words only, when a connection drops mid-query or a dropped one is used again.
  const message = typeof error.message === 'string' ? error.message : '';
  return /^Connection terminated|^Client (has encountered a connection error|was closed) and is not queryable/.test(message);
}
