import type { Server, Socket } from 'socket.io';
import type { Caller } from '@harbour/access';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, UserDto } from '@harbour/contracts';

/** Every socket of a member (all their tabs and devices): notifications, counts, access changes. */
export const userRoom = (userId: string): string => `user:${userId}`;
/** The sockets of one session: told and disconnected when it ends. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
/** A topic's room: sockets of readers who may see the topic (checked on join, and again when access changes). */
export const topicRoom = (topicId: string): string => `topic:${topicId}`;

/** The topic ids of the topic rooms a socket is in. */
export function topicIdsOf(rooms: Iterable<string>): string[] {
  return [...rooms].filter((room) => room.startsWith('topic:')).map((room) => room.slice('topic:'.length));
}

/**
 * What the server keeps on each socket (also visible to other processes through fetchSockets). Here, not in
 * contracts: it holds the server's `Caller` (libs/access) and never reaches a client.
 */
export interface SocketData {
  caller: Caller | null;
  /** The member's public shape, loaded the first time they type (presence shows who is typing). */
  user?: UserDto;
  /** Typing in this topic until this time (ms since the epoch). */
  typing?: { topicId: string; until: number };
  /** When this socket last passed on "typing" in each conversation (ms since the epoch): a small throttle. */
  conversationTyping?: Map<string, number>;
}

/** The Socket.IO server and sockets, typed by the contract's events (libs/contracts, realtime.ts). */
export type HarbourServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HarbourSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
