import { InvalidInputError } from '@harbour/common';

/** How far ahead an alert may run: a year (a longer warning is a page, not an alert). */
export const MAX_ALERT_DAYS = 366;

/** Refuses, naming the field, region codes that are not on the site's list. */
export function assertKnownRegions(field: string, codes: string[], known: ReadonlySet<string>): void {
  const unknown = [...new Set(codes.filter((code) => !known.has(code)))];
  if (unknown.length > 0)
    throw new InvalidInputError(`${field} must be codes from the site’s list of regions (unknown: ${unknown.join(', ')})`);
}

/** An alert's end: in the future, within a year. */
export function assertExpiry(expiresAt: Date, now = new Date()): void {
  if (expiresAt.getTime() <= now.getTime()) throw new InvalidInputError('expiresAt must be in the future');
  if (expiresAt.getTime() > now.getTime() + MAX_ALERT_DAYS * 86_400_000) {
    throw new InvalidInputError(`expiresAt must be within ${MAX_ALERT_DAYS} days`);
  }
}
