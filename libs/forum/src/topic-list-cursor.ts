import { InvalidInputError, decodeCursor, encodeCursor, isCursorInstant, isUuid } from '@harbour/common';
import type { TopicFilter, TopicPeriod } from '@harbour/contracts';
import { decodeTopicCursor, encodeTopicCursor } from './topic-cursor';

/**
 * Where a page of a topic list resumes. Each filter has its own order, so its own position: latest and
 * unread by last activity (pinned first in a category's latest), new by creation, top by score within a
 * window that the first page fixes (`since`), so that the next pages rank the same posts and reactions.
 */
export type TopicListPosition =
  | { order: 'activity'; pinned: boolean; at: string; id: string }
  | { order: 'created'; at: string; id: string }
  | { order: 'score'; since: string; score: number; id: string };

const PERIOD_DAYS: Record<TopicPeriod, number> = { day: 1, week: 7, month: 30, year: 365 };

/** The start of a period ending now. */
export function periodStart(period: TopicPeriod, now = new Date()): string {
  return new Date(now.getTime() - PERIOD_DAYS[period] * 86_400_000).toISOString();
}

export function encodeTopicListCursor(position: TopicListPosition): string {
  switch (position.order) {
    case 'activity':
      return encodeTopicCursor(position);
    case 'created':
      return encodeCursor(position);
    case 'score':
      return Buffer.from(`s|${position.since}|${position.score}|${position.id}`).toString('base64url');
  }
}

/** Decodes `?cursor=` for this filter; a tampered cursor, or one of another order, is a 400 naming `cursor`. */
export function decodeTopicListCursor(filter: TopicFilter, cursor: string | undefined): TopicListPosition | null {
  if (cursor === undefined || cursor === '') return null;
  if (filter === 'latest' || filter === 'unread') {
    const position = decodeTopicCursor(cursor);
    return position && { order: 'activity', ...position };
  }
  if (filter === 'new') {
    const position = decodeCursor(cursor);
    return position && { order: 'created', ...position };
  }
  const [tag, since, score, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (tag !== 's' || !since || !isCursorInstant(since) || !score || !/^\d{1,9}$/.test(score) || !id || !isUuid(id) || rest.length > 0) {
    throw new InvalidInputError('cursor is invalid');
  }
  return { order: 'score', since, score: Number(score), id };
}
