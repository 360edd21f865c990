import { InvalidInputError, isCursorInstant, isUuid } from '@harbour/common';

/** A position in a topic list ordered pinned first, then by last activity, then by id. */
export interface TopicPosition {
  pinned: boolean;
  at: string;
  id: string;
}

export function encodeTopicCursor(position: TopicPosition): string {
  return Buffer.from(`${position.pinned ? 1 : 0}|${position.at}|${position.id}`).toString('base64url');
}

export function decodeTopicCursor(cursor: string | undefined): TopicPosition | null {
  if (!cursor) return null;
  const [pinned, at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if ((pinned !== '0' && pinned !== '1') || !at || !isCursorInstant(at) || !id || !isUuid(id) || rest.length > 0) {
    throw new InvalidInputError('cursor is invalid');
  }
  return { pinned: pinned === '1', at, id };
}

/** A position in a topic's posts: the number of the last post of the previous page. */
export function encodePostCursor(number: number): string {
  return Buffer.from(`n${number}`).toString('base64url');
}

export function decodePostCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^n(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new InvalidInputError('cursor is invalid');
  return Number(match[1]);
}
