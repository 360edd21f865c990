/** A topic's room: sockets of readers who may see the topic (checked on join, and again when access changes). */
export const topicRoom = (topicId: string): string => `topic:${topicId}`;

/** The topic ids of the topic rooms a socket is in. */
export function topicIdsOf(rooms: Iterable<string>): string[] {
  return [...rooms].filter((room) => room.startsWith('topic:')).map((room) => room.slice('topic:'.length));
}
