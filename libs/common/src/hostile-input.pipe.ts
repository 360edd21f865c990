import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-errors';

const NUL = String.fromCharCode(0);
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemWith(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone UTF-16 surrogate (text must be valid Unicode)';
  return null;
}

/**
 * The first string (or key) in a parsed value that no PostgreSQL text or jsonb column can hold, as a
 * message naming where it is (`rateLimits.siteName`, `quotes[2]`, `slug`); null when there is none.
 * PostgreSQL refuses NUL in text and `\ud800` in jsonb, and the pg driver silently turns a lone surrogate in
 * text into U+FFFD: neither is input anybody means to send.
 */
export function findHostileText(value: unknown, path: string, depth = 0): string | null {
  const name = path || 'body';
  if (typeof value === 'string') {
    const problem = problemWith(value);
    return problem ? `${name} ${problem}` : null;
  }
  if (depth > 20) return `${name} is nested too deeply`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findHostileText(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      const keyProblem = problemWith(key);
      if (keyProblem) return `field names ${keyProblem}`;
      const found = findHostileText(item, here, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Global pipe, before validation: every path parameter, query value and body field of every route is
 * refused with a 400 naming it when it holds NUL or a lone surrogate, so no DTO has to remember to.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = findHostileText(value, metadata.data ?? '');
    if (problem) throw new InvalidInputError(problem);
    return value;
  }
}
