import type { TFunction } from '../../../i18n/translator';
import { ApiError } from '../../../lib/api-client';

/** The member the server refused with `cannot message <username>` (one answer for their choice and a block). */
export function refusedUsername(error: ApiError): string | null {
  for (const message of error.messages) {
    const match = /^cannot message (\S+)$/.exec(message);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** What went wrong sending or editing a message, in the member's words. */
export function describeWriteError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('conversations.page.tooFast');
    if (error.status === 422) return t('conversations.page.blockedWord');
    if (error.status === 403) return t('conversations.page.refused');
    if (error.status === 400 && error.messages.length > 0) return error.messages.join(' ');
  }
  return t('conversations.page.failed');
}
