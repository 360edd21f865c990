import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { AccessService } from '@harbour/access';
import { SessionsService } from '@harbour/accounts';
import { ForumLookup } from '@harbour/forum';
import { topicIdsOf, topicRoom, userRoom, type SocketData } from './rooms';

/**
 * Takes away, at once, the topic rooms a socket may no longer see after access shrank (a member removed,
 * a topic moved, a space closed). Works on this process's own sockets: the gateway tells the other
 * processes to run the same check on theirs.
 */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly sessions: SessionsService,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
  ) {}

  /** A member's groups changed: refresh what their sockets know of them, then re-check their rooms. */
  async recheckMember(server: Server, userId: string): Promise<void> {
    const sockets = await server.local.in(userRoom(userId)).fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if (data.caller) data.caller = await this.sessions.reload(data.caller);
    }
    await this.recheckRooms(server, userRoom(userId));
  }

  /**
   * Removes every local socket (of `within`, or all) from the topic rooms its caller may no longer see,
   * and tells it with `topic:closed`. One query for all the topics concerned.
   */
  async recheckRooms(server: Server, within?: string): Promise<void> {
    const sockets = await (within ? server.local.in(within) : server.local).fetchSockets();
    const topicIds = [...new Set(sockets.flatMap((socket) => topicIdsOf(socket.rooms)))];
    const categories = await this.lookup.categoriesOfTopics(topicIds);
    const site = await this.lookup.site();
    for (const socket of sockets) {
      const caller = (socket.data as SocketData).caller;
      for (const topicId of topicIdsOf(socket.rooms)) {
        const category = categories.get(topicId);
        if (category && this.access.can(caller, { action: 'category.see', category, site })) continue;
        socket.leave(topicRoom(topicId));
        socket.emit('topic:closed', { topicId });
      }
    }
  }
}
