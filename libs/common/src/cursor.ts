import { InvalidInputError } from './domain-errors';
import { isUuid } from './ids';

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
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at)) || !isUuid(id)) {
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
