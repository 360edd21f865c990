import { Injectable } from '@nestjs/common';
import { AccessService } from '@harbour/access';
import { SessionsService } from '@harbour/accounts';
import { ForumLookup } from '@harbour/forum';
import { Presence } from './presence';
import { topicIdsOf, topicRoom, userRoom, type HarbourServer } from './rooms';

/**
 * Takes away, at once, the topic rooms a socket may no longer see after access shrank (a member removed or
 * demoted, a topic moved, a space closed, the site closed to visitors), and refreshes the caller a socket
 * acts as, so a change that widens access (a promotion, a lifted silence) holds without reconnecting.
 * Works on this process's own sockets: the gateway tells the other processes to run the same check on theirs.
 */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly sessions: SessionsService,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    private readonly presence: Presence,
  ) {}

  /**
   * A member's role, sanctions or groups changed: re-read, from the database, the caller each of their
   * sockets acts as (role, groups, silenced), then re-check their rooms.
   */
  async recheckMember(server: HarbourServer, userId: string): Promise<void> {
    const sockets = await server.local.in(userRoom(userId)).fetchSockets();
    for (const socket of sockets) {
      const { data } = socket;
      if (!data.caller) continue;
      data.caller = await this.sessions.reload(data.caller);
      // The public shape shown as typing carries the role: read it again on the next typing event.
      delete data.user;
      if (data.typing && (data.caller === null || data.caller.silenced)) {
        // A member silenced mid-sentence stops showing as typing now, not when the typing period ends.
        this.presence.touch(data.typing.topicId, 0);
        delete data.typing;
      }
    }
    await this.recheckRooms(server, userRoom(userId));
  }

  /**
   * Removes every local socket (of `within`, or all) from the topic rooms its caller may no longer see,
   * and tells it with `topic:closed`: the checks of `topic:join` (the topic, a support desk's being its author's
   * and the space's moderators', and for a topic held for review, the same). One query for all the topics concerned.
   */
  async recheckRooms(server: HarbourServer, within?: string): Promise<void> {
    const sockets = await (within ? server.local.in(within) : server.local).fetchSockets();
    const topicIds = [...new Set(sockets.flatMap((socket) => topicIdsOf(socket.rooms)))];
    const facts = await this.lookup.accessOfTopics(topicIds);
    const site = await this.lookup.site();
    for (const socket of sockets) {
      const caller = socket.data.caller;
      for (const topicId of topicIdsOf(socket.rooms)) {
        const topic = facts.get(topicId);
        const visible =
          topic !== undefined &&
          this.access.can(caller, { action: 'topic.see', category: topic.category, site, topic }) &&
          (!topic.held || this.access.can(caller, { action: 'held.see', category: topic.category, authorId: topic.authorId }));
        if (visible) continue;
        socket.leave(topicRoom(topicId));
        socket.emit('topic:closed', { topicId });
        this.presence.touch(topicId);
      }
    }
  }
}
