import { decodeTopicListCursor, encodeTopicListCursor, periodStart } from './topic-list-cursor';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const AT = '2026-11-22T06:00:00.000Z';

describe('topic list cursors', () => {
  it('round-trips each order through the filter that uses it', () => {
    const activity = { order: 'activity' as const, pinned: true, at: AT, id: ID };
    expect(decodeTopicListCursor('latest', encodeTopicListCursor(activity))).toEqual(activity);
    expect(decodeTopicListCursor('unread', encodeTopicListCursor(activity))).toEqual(activity);
    const created = { order: 'created' as const, at: AT, id: ID };
    expect(decodeTopicListCursor('new', encodeTopicListCursor(created))).toEqual(created);
    const score = { order: 'score' as const, since: AT, score: 12, id: ID };
    expect(decodeTopicListCursor('top', encodeTopicListCursor(score))).toEqual(score);
    expect(decodeTopicListCursor('top', undefined)).toBeNull();
  });

  it('refuses a cursor of another list, or a tampered one, as a 400 naming cursor', () => {
    const top = encodeTopicListCursor({ order: 'score', since: AT, score: 3, id: ID });
    const latest = encodeTopicListCursor({ order: 'activity', pinned: false, at: AT, id: ID });
    for (const [filter, cursor] of [
      ['latest', top],
      ['new', latest],
      ['top', latest],
      ['top', Buffer.from(`s|${AT}|-1|${ID}`).toString('base64url')],
      ['top', Buffer.from(`s|${AT}|1e3|${ID}`).toString('base64url')],
      ['top', Buffer.from(`s|not-a-date|1|${ID}`).toString('base64url')],
      ['top', Buffer.from(`s|${AT}|1|${ID}|extra`).toString('base64url')],
    ] as const) {
      expect(() => decodeTopicListCursor(filter, cursor)).toThrow(expect.objectContaining({ status: 400, message: 'cursor is invalid' }));
    }
  });

  it('starts a period that many days back', () => {
    const now = new Date('2026-12-03T12:00:00.000Z');
    expect(periodStart('day', now)).toBe('2026-12-02T12:00:00.000Z');
    expect(periodStart('week', now)).toBe('2026-11-26T12:00:00.000Z');
    expect(periodStart('year', now)).toBe('2025-12-03T12:00:00.000Z');
  });
});
