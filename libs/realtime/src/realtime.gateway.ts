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
import { SessionsService, toUserDto, UserRepository } from '@harbour/accounts';
import { DomainEvents, isUuid, NotFoundError, type DomainEventMap } from '@harbour/common';
import type { ClientEventAnswer, ClientToServerEvents, RecheckMessage, SocketAck, TopicRef } from '@harbour/contracts';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { AnonymousPosting, ForumLookup } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';
import { handshakeToken, isOwnOrigin } from './handshake';
import { ConversationLive } from './conversation-live';
import { LiveEvents } from './live-events';
import { Presence, TYPING_FOR_MS } from './presence';
import { RoomAccess } from './room-access';
import { sessionRoom, topicIdsOf, topicRoom, userRoom, type HarbourServer, type HarbourSocket } from './rooms';
import { SocketRateLimit } from './socket-rate-limit';

/** Tells every API process to re-check its own sockets after access changed (see RoomAccess). */
const RECHECK = 'harbour:recheck';
/** The site settings that decide who sees what (the rest only shape actions, which are checked per request). */
const VISIBILITY_SETTINGS = new Set(['loginRequired']);

/**
 * The Socket.IO gateway: it authenticates each handshake (anonymous sockets are allowed and see public
 * rooms only), puts a member's sockets in `user:<id>` and `session:<id>`, lets sockets join the topics
 * they may see, and disconnects them when their session ends. Nest gateway guards do not run on
 * connection, hence the Socket.IO middleware. Every client event is validated and rate-limited.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, cors: { origin: false } })
export class RealtimeGateway implements OnGatewayInit<HarbourServer>, OnGatewayConnection<HarbourSocket> {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private readonly server: HarbourServer;

  constructor(
    private readonly sessions: SessionsService,
    private readonly events: DomainEvents,
    private readonly lookup: ForumLookup,
    private readonly rooms: RoomAccess,
    private readonly presence: Presence,
    private readonly live: LiveEvents,
    private readonly users: UserRepository,
    private readonly settings: SettingsService,
    private readonly conversations: ConversationLive,
    private readonly anonymity: AnonymousPosting,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  afterInit(server: HarbourServer): void {
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    this.presence.attach(server);
    this.live.attach(server);
    this.events.on('SessionsRevoked', (event) => this.endSessions(event));
    // Access can change while a socket is open: re-check here and on every other process. Suspensions and
    // bans end the member's sessions (SessionsRevoked); a warning changes nothing a socket may do.
    this.events.on('GroupMembershipChanged', (event) => this.recheck({ userId: event.userId }));
    this.events.on('MemberRoleChanged', (event) => this.recheck({ userId: event.userId }));
    this.events.on('SanctionApplied', (event) => (event.type === 'silence' ? this.recheck({ userId: event.userId }) : undefined));
    this.events.on('SanctionLifted', (event) => this.recheck({ userId: event.userId }));
    this.events.on('SiteSettingsChanged', (event) =>
      event.changed.some((name) => VISIBILITY_SETTINGS.has(name)) ? this.recheck({ all: true, settings: true }) : undefined,
    );
    this.events.on('SpaceAccessChanged', () => this.recheck({ all: true }));
    this.events.on('TopicUpdated', (event) => {
      if (event.rearranged) this.server.to(topicRoom(event.topicId)).emit('topic:rearranged', { topicId: event.topicId });
      return event.categoryId !== event.previousCategoryId ? this.recheck({ all: true }) : undefined;
    });
    server.on(RECHECK, (message) => {
      this.recheckHere(message).catch((error: unknown) => this.logger.error(`re-check failed: ${String(error)}`));
    });
  }

  /** Joins a topic's room: only a topic the caller may see; anything else is `not_found`, as over HTTP. */
  @ClientEvent('topic:join')
  async joinTopic(@ConnectedSocket() socket: HarbourSocket, @MessageBody() body: unknown): Promise<ClientEventAnswer<'topic:join'>> {
    const topicId = topicRefIn(body)?.topicId;
    if (!topicId) return { ok: false, error: 'invalid' };
    try {
      await this.lookup.topic(socket.data.caller, topicId);
    } catch (error) {
      if (error instanceof NotFoundError) return { ok: false, error: 'not_found' };
      throw error;
    }
    await socket.join(topicRoom(topicId));
    this.presence.touch(topicId);
    return { ok: true };
  }

  @ClientEvent('topic:leave')
  async leaveTopic(@ConnectedSocket() socket: HarbourSocket, @MessageBody() body: unknown): Promise<ClientEventAnswer<'topic:leave'>> {
    const topicId = topicRefIn(body)?.topicId;
    if (!topicId) return { ok: false, error: 'invalid' };
    await socket.leave(topicRoom(topicId));
    this.presence.touch(topicId);
    return { ok: true };
  }

  /** A member typing in a topic whose room they are in; visitors and silenced members cannot post, so cannot type. */
  @ClientEvent('topic:typing')
  async typing(@ConnectedSocket() socket: HarbourSocket, @MessageBody() body: unknown): Promise<ClientEventAnswer<'topic:typing'>> {
    const topicId = topicRefIn(body)?.topicId;
    if (!topicId) return { ok: false, error: 'invalid' };
    if (!socket.rooms.has(topicRoom(topicId))) return { ok: false, error: 'not_found' };
    const data = socket.data;
    // A silence that has run out ends by itself, with no event: look again before refusing.
    if (data.caller?.silenced) data.caller = await this.sessions.reload(data.caller);
    if (!data.caller || data.caller.silenced) return { ok: false, error: 'forbidden' };
    // Where posts may be anonymous nobody is shown typing (the answer is the same, so it tells nothing either).
    if (await this.anonymity.mayBeAnonymous(topicId)) return { ok: true };
    if (!data.user) {
      const user = await this.users.findById(data.caller.userId);
      if (!user) return { ok: false, error: 'forbidden' }; // the account is gone (its sessions end with it)
      data.user = toUserDto(user);
    }
    const wasTyping = data.typing?.topicId === topicId && data.typing.until > Date.now();
    data.typing = { topicId, until: Date.now() + TYPING_FOR_MS };
    if (!wasTyping) this.presence.touch(topicId);
    // When typing stops, presence says so once the typing period is over.
    setTimeout(() => this.presence.touch(topicId, 0), TYPING_FOR_MS + 50).unref();
    return { ok: true };
  }

  /** A member typing in a conversation of theirs: the other participants hear it in their own rooms. */
  @ClientEvent('conversation:typing')
  async conversationTyping(
    @ConnectedSocket() socket: HarbourSocket,
    @MessageBody() body: unknown,
  ): Promise<ClientEventAnswer<'conversation:typing'>> {
    const data = socket.data;
    if (data.caller?.silenced) data.caller = await this.sessions.reload(data.caller);
    if (!data.caller) return { ok: false, error: 'not_found' };
    if (data.caller.silenced) return { ok: false, error: 'forbidden' };
    if (!data.user) {
      const user = await this.users.findById(data.caller.userId);
      if (!user) return { ok: false, error: 'forbidden' };
      data.user = toUserDto(user);
    }
    data.conversationTyping ??= new Map();
    return this.conversations.typing(this.server, data.caller, data.user, body, data.conversationTyping);
  }

  async handleConnection(socket: HarbourSocket): Promise<void> {
    const limit = new SocketRateLimit(20, 5, 50);
    socket.use((packet, next) => {
      const verdict = limit.take();
      if (verdict === 'ok') return next();
      const ack: unknown = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (answer: SocketAck) => void)({ ok: false, error: 'rate_limited' });
      if (verdict === 'disconnect') socket.disconnect(true);
    });
    socket.on('disconnecting', () => topicIdsOf(socket.rooms).forEach((topicId) => this.presence.touch(topicId)));
    const caller = socket.data.caller;
    if (caller) await socket.join([userRoom(caller.userId), sessionRoom(caller.sessionId)]);
  }

  private async authenticate(socket: HarbourSocket): Promise<void> {
    const data = socket.data;
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

  private async recheck(message: RecheckMessage): Promise<void> {
    this.server.serverSideEmit(RECHECK, message);
    await this.recheckHere(message);
  }

  private recheckHere(message: RecheckMessage): Promise<void> {
    if ('userId' in message) return this.rooms.recheckMember(this.server, message.userId);
    // Another process changed the settings: this one's cached copy would keep the old rules for two seconds.
    if (message.settings) this.settings.forget();
    return this.rooms.recheckRooms(this.server);
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

/** The payload of a topic event, if it is one: a client's body is untrusted until checked here. */
function topicRefIn(body: unknown): TopicRef | null {
  const topicId = (body as { topicId?: unknown } | null)?.topicId;
  return typeof topicId === 'string' && isUuid(topicId) ? { topicId } : null;
}

/** `@SubscribeMessage` for an event of the contract only: a name the client does not send fails the typecheck. */
function ClientEvent(event: keyof ClientToServerEvents): MethodDecorator {
  return SubscribeMessage(event);
}
