import { InvalidInputError } from './domain-errors';
import { isUuid } from './ids';
import { isStorableDate } from './dates';

/** What toISOString writes (the only thing a cursor of ours holds); a 4-digit year keeps out `+275760-…`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * True for an instant that PostgreSQL stores as written: Date.parse accepts year 0, six-digit years and
 * (in V8) 30 February, which PostgreSQL refuses, so the instant must read back as itself.
 */
export function isCursorInstant(at: string): boolean {
  if (!ISO_INSTANT.test(at)) return false;
  const date = new Date(at);
  return isStorableDate(date) && date.toISOString().slice(0, 19) === at.slice(0, 19);
}

/** A keyset position (a timestamp and an id) that pages resume after. */
export interface CursorPosition {
  at: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.at}|${position.id}`).toString('base64url');
}

/** Decodes `?cursor=`; a tampered cursor is a 400 naming the field, never a 500. */
export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (cursor === undefined || cursor === '') return null;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || rest.length > 0 || !isCursorInstant(at) || !isUuid(id)) {
    throw new InvalidInputError('cursor is invalid');
  }
  return { at, id };
}

/** Builds `{ items, nextCursor }` from a query that fetched `limit + 1` rows. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  position: (row: Row) => CursorPosition,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
