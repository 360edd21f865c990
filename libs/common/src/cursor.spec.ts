import { InvalidInputError } from './domain-errors';
import { decodeCursor, encodeCursor, isCursorInstant, toPage } from './cursor';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('cursors', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-11-22T06:00:00.000Z', id: ID };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('treats an absent cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    'garbage',
    Buffer.from('not-a-date|' + ID).toString('base64url'),
    Buffer.from('2026-01-01T00:00:00Z|1 OR 1=1').toString('base64url'),
    Buffer.from(`2026-01-01T00:00:00Z|${ID}|x`).toString('base64url'),
  ])('refuses a tampered cursor %s with a 400 naming it', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
    expect(() => decodeCursor(cursor)).toThrow('cursor is invalid');
  });

  it('pages: a next cursor only when there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: `2026-01-0${n}T00:00:00.000Z`, id: ID }));
    const full = toPage(
      rows,
      2,
      (r) => ({ at: r.at, id: r.id }),
      (r) => r.n,
    );
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor!)).toEqual({ at: rows[1]!.at, id: ID });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        (r) => ({ at: r.at, id: r.id }),
        (r) => r.n,
      ).nextCursor,
    ).toBeNull();
  });
});

describe('cursor instants', () => {
  it.each([
    `+275760-09-13T00:00:00.000Z|${ID}`,
    `0000-01-01T00:00:00.000Z|${ID}`,
    `-000001-01-01T00:00:00.000Z|${ID}`,
    `2026-02-30T00:00:00.000Z|${ID}`,
    `2026-01-01|${ID}`,
    `2026-01-01T00:00:00.000+05:00|${ID}`,
  ])('refuses %s, which PostgreSQL would refuse or read otherwise', (text) => {
    expect(() => decodeCursor(Buffer.from(text).toString('base64url'))).toThrow('cursor is invalid');
  });

  it('accepts every instant toISOString writes in years 1 to 9999', () => {
    expect(isCursorInstant('0001-01-01T00:00:00.000Z')).toBe(true);
    expect(isCursorInstant('9999-12-31T23:59:59.999Z')).toBe(true);
    expect(isCursorInstant(new Date().toISOString())).toBe(true);
  });
});
