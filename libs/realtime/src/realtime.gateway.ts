import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { Caller } from '@harbour/access';
import { SessionsService } from '@harbour/accounts';
import { DomainEvents, type DomainEventMap } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { handshakeToken, isOwnOrigin } from './handshake';

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

  /** Tells every socket of the ended sessions why, then disconnects them (on every API process). */
  private endSessions(event: DomainEventMap['SessionsRevoked']): void {
    const rooms = event.sessionIds === 'all' ? [userRoom(event.userId)] : event.sessionIds.map(sessionRoom);
    this.server.to(rooms).emit('session:revoked', { reason: event.reason });
    // Let the message leave before the connection closes.
    setTimeout(() => this.server.in(rooms).disconnectSockets(true), 50);
    this.logger.debug(`Disconnected sockets of ${rooms.length} room(s): ${event.reason}`);
  }
}
