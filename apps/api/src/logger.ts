import type { LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '@harbour/config';

/** Maps LOG_LEVEL to Nest's levels. Request bodies, cookies and tokens are never logged at any level. */
export function nestLogLevels(level: LogLevel): NestLogLevel[] | false {
  switch (level) {
    case 'silent':
      return false;
    case 'error':
      return ['fatal', 'error'];
    case 'warn':
      return ['fatal', 'error', 'warn'];
    case 'info':
      return ['fatal', 'error', 'warn', 'log'];
    case 'debug':
      return ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  }
}
