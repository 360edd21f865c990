import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AccessService, type Caller } from '@harbour/access';
import { SessionsService } from '@harbour/accounts';
import { DomainEvents, isUuid, NotFoundError, type DomainEventMap } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { ForumLookup } from '@harbour/forum';
import { handshakeToken, isOwnOrigin } from './handshake';
import { topicIdsOf, topicRoom } from './topic-rooms';

type Ack = { ok: true } | { ok: false; error: 'not_found' | 'forbidden' | 'invalid' };

interface SocketData {
  caller: Caller | null;
}

export const userRoom = (userId: string): string => `user:${userId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/**
 * A push-only gateway: it authenticates each handshake (anonymous sockets are allowed and see public rooms
 * only), puts a member's sockets in `user:<id>` and `session:<id>`, and disconnects them when their
 * session ends. Nest gateway guards do not run on connection, hence the Socket.IO middleware.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, cors: { origin: false } })
export class RealtimeGateway implements OnGatewayInit<Server>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private readonly server: Server;

  constructor(
    private readonly sessions: SessionsService,
    private readonly events: DomainEvents,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    this.events.on('SessionsRevoked', (event) => this.endSessions(event));
    // Access can shrink while a socket sits in a room: re-check, and take away what is no longer allowed.
    this.events.on('GroupMembershipChanged', (event) => this.recheckMember(event.userId));
    this.events.on('SpaceAccessChanged', () => this.recheckRooms());
    this.events.on('TopicUpdated', (event) => (event.categoryId !== event.previousCategoryId ? this.recheckRooms() : undefined));
  }

  /** Joins a topic's room: only a topic the caller may see; anything else is `not_found`, as over HTTP. */
  @SubscribeMessage('topic:join')
  async joinTopic(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const topicId = topicIdIn(body);
    if (!topicId) return { ok: false, error: 'invalid' };
    try {
      await this.lookup.topic((socket.data as SocketData).caller, topicId);
    } catch (error) {
      if (error instanceof NotFoundError) return { ok: false, error: 'not_found' };
      throw error;
    }
    await socket.join(topicRoom(topicId));
    return { ok: true };
  }

  @SubscribeMessage('topic:leave')
  async leaveTopic(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack> {
    const topicId = topicIdIn(body);
    if (!topicId) return { ok: false, error: 'invalid' };
    await socket.leave(topicRoom(topicId));
    return { ok: true };
  }

  async handleConnection(socket: Socket): Promise<void> {
    const caller = (socket.data as SocketData).caller;
    if (caller) await socket.join([userRoom(caller.userId), sessionRoom(caller.sessionId)]);
  }

  private async authenticate(socket: Socket): Promise<void> {
    const data = socket.data as SocketData;
    data.caller = null;
    const found = handshakeToken(socket.handshake.auth, socket.handshake.headers);
    if (!found) return;
    if (found.via === 'cookie' && !isOwnOrigin(socket.handshake.headers, this.config.publicUrl)) {
      throw new Error('forbidden origin');
    }
    const caller = await this.sessions.authenticate(found.token, found.via);
    if (!caller) throw new Error('unauthorized');
    data.caller = caller;
  }

  /** A member's groups changed: refresh what their sockets know of them, then re-check their rooms. */
  private async recheckMember(userId: string): Promise<void> {
    const sockets = await this.server.in(userRoom(userId)).fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as SocketData;
      if (data.caller) data.caller = await this.sessions.reload(data.caller);
    }
    await this.recheckRooms(userRoom(userId));
  }

  /**
   * Removes every socket (of `within`, or all) from the topic rooms its caller may no longer see, and
   * tells it with `topic:closed`. One query for all the topics concerned.
   */
  private async recheckRooms(within?: string): Promise<void> {
    const sockets = await (within ? this.server.in(within) : this.server).fetchSockets();
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

  /** Tells every socket of the ended sessions why, then disconnects them (on every API process). */
  private endSessions(event: DomainEventMap['SessionsRevoked']): void {
    const rooms = event.sessionIds === 'all' ? [userRoom(event.userId)] : event.sessionIds.map(sessionRoom);
    this.server.to(rooms).emit('session:revoked', { reason: event.reason });
    // Let the message leave before the connection closes.
    setTimeout(() => this.server.in(rooms).disconnectSockets(true), 50);
    this.logger.debug(`Disconnected sockets of ${rooms.length} room(s): ${event.reason}`);
  }
}

function topicIdIn(body: unknown): string | null {
  const topicId = (body as { topicId?: unknown } | null)?.topicId;
  return typeof topicId === 'string' && isUuid(topicId) ? topicId : null;
}
