import { InvalidInputError } from '@harbour/common';
import { decodePostCursor, decodeTopicCursor, encodePostCursor, encodeTopicCursor } from './topic-cursor';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const cursor = (text: string) => Buffer.from(text).toString('base64url');

describe('topic list cursors', () => {
  it('round-trip a position', () => {
    const position = { pinned: true, at: '2026-12-02T10:00:00.000Z', id: ID };
    expect(decodeTopicCursor(encodeTopicCursor(position))).toEqual(position);
    expect(decodeTopicCursor(undefined)).toBeNull();
  });

  it.each([
    `1|+275760-09-13T00:00:00.000Z|${ID}`,
    `0|0000-01-01|${ID}`,
    `0|0000-01-01T00:00:00.000Z|${ID}`,
    `0|2026-02-30T00:00:00.000Z|${ID}`,
    `2|2026-01-01T00:00:00.000Z|${ID}`,
    `1|2026-01-01T00:00:00.000Z|not-an-id`,
  ])('refuse %s (PostgreSQL would refuse the date, or it is no position of ours) with a 400', (text) => {
    expect(() => decodeTopicCursor(cursor(text))).toThrow(new InvalidInputError('cursor is invalid'));
  });
});

describe('post cursors', () => {
  it('round-trip a number and refuse anything else', () => {
    expect(decodePostCursor(encodePostCursor(42))).toBe(42);
    expect(() => decodePostCursor(cursor('n99999999999'))).toThrow('cursor is invalid');
    expect(() => decodePostCursor(cursor('n-1'))).toThrow('cursor is invalid');
  });
});
