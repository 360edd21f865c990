import { Injectable, Logger } from '@nestjs/common';
import type { UserDto } from '@harbour/contracts';
import { topicRoom, type HarbourServer } from './rooms';

/** At most one presence message per topic in this period, however many readers come and go. */
const PRESENCE_EVERY_MS = 1000;
/** A member shows as typing this long after their last typing event. */
export const TYPING_FOR_MS = 5000;

/**
 * `topic:presence` for a topic's room: how many people read it (members counted once however many tabs,
 * each visitor once) and who is typing. Computed from the room's sockets on every process (their
 * `SocketData`), throttled per topic.
 */
@Injectable()
export class Presence {
  private readonly logger = new Logger('Presence');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private server: HarbourServer | null = null;

  attach(server: HarbourServer): void {
    this.server = server;
  }

  /** Something changed in a topic's room: send its presence soon (once, however many changes meanwhile). */
  touch(topicId: string, delayMs = PRESENCE_EVERY_MS): void {
    if (this.pending.has(topicId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(topicId);
      this.send(topicId).catch((error: unknown) =>
        this.logger.warn(`presence of ${topicId}: ${error instanceof Error ? error.message : 'failed'}`),
      );
    }, delayMs);
    timer.unref();
    this.pending.set(topicId, timer);
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private async send(topicId: string): Promise<void> {
    if (!this.server) return;
    const sockets = await this.server.in(topicRoom(topicId)).fetchSockets();
    const now = Date.now();
    const readers = new Set<string>();
    const typing = new Map<string, UserDto>();
    for (const socket of sockets) {
      const data = socket.data;
      readers.add(data.caller?.userId ?? socket.id);
      if (data.user && data.typing?.topicId === topicId && data.typing.until > now) typing.set(data.user.id, data.user);
    }
    this.server.to(topicRoom(topicId)).emit('topic:presence', { topicId, readers: readers.size, typing: [...typing.values()] });
  }
}
