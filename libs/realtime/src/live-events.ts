import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainEvents, MicroBatch } from '@harbour/common';
import { PostsService } from '@harbour/forum';
import { MemberCallers } from '@harbour/accounts';
import { NotificationReader } from '@harbour/notifications';
import { ConversationLive } from './conversation-live';
import { topicRoom, userRoom, type HarbourServer } from './rooms';

/**
 * Turns domain events into what sockets hear: new, edited and deleted posts to the topic's room (only
 * what every reader in it may see: a hidden post is never broadcast), and notifications with the new
 * unread count to every tab of their member. Emits go through the adapter, so sockets on every API
 * process hear them, whichever process made the change.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly batches: { drain(): Promise<void> }[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly posts: PostsService,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
    private readonly conversations: ConversationLive,
  ) {}

  attach(server: HarbourServer): void {
    // Room and member pushes are gathered for a few milliseconds (see MicroBatch): a busy topic then
    // costs one read per batch, not one per post. One batcher keeps a post's events in order.
    const roomPushes = new MicroBatch<RoomPush>(
      (pushes) => this.pushToRooms(server, pushes),
      (error) => this.logger.error(`Live post push failed: ${describe(error)}`),
      { delayMs: 5, maxItems: 200 },
    );
    const memberPushes = new MicroBatch<{ id: string; userId: string }>(
      (items) => this.pushToMembers(server, items),
      (error) => this.logger.error(`Live notification push failed: ${describe(error)}`),
      { delayMs: 20, maxItems: 500 },
    );
    this.batches.push(roomPushes, memberPushes);
    this.events.on('PostCreated', (event) => roomPushes.add({ postId: event.postId, topicId: event.topicId, name: 'post:created' }));
    this.events.on('PostUpdated', (event) => roomPushes.add({ postId: event.postId, topicId: event.topicId, name: 'post:updated' }));
    this.events.on('ReactionsChanged', (event) => roomPushes.add({ postId: event.postId, topicId: event.topicId, name: 'post:updated' }));
    this.events.on('PostDeleted', (event) => roomPushes.add({ postId: event.postId, topicId: event.topicId, name: 'post:deleted' }));
    this.events.on('NotificationsCreated', (event) => event.items.forEach((item) => memberPushes.add(item)));
    this.events.on('MessageCreated', (event) =>
      this.conversations.pushMessage(server, 'message:created', event.messageId, event.audienceIds),
    );
    this.events.on('MessageUpdated', (event) =>
      this.conversations.pushMessage(server, 'message:updated', event.messageId, event.audienceIds),
    );
    // An alert goes to hundreds of members' rooms at once: one emit to this process's sockets now, and one message
    // telling the other processes to do the same. Through the adapter, the sockets here would wait for a database
    // round trip carrying every room's name (PostgreSQL's adapter stores a payload that big before notifying).
    this.events.on('AlertAnnounced', (announced) => {
      if (announced.audienceIds.length === 0) return;
      server.local.to(announced.audienceIds.map(userRoom)).emit('alert', announced.event);
      server.serverSideEmit('harbour:alert', announced);
    });
    server.on('harbour:alert', ({ event, audienceIds }) => server.local.to(audienceIds.map(userRoom)).emit('alert', event));
    this.events.on('NotificationsRead', async (event) => {
      const recipient = (await this.members.load([event.userId])).get(event.userId);
      if (recipient) server.to(userRoom(event.userId)).emit('notification:count', { count: await this.reader.unreadCount(recipient) });
    });
  }

  /** Lets the pushes still gathered go out before the server closes. */
  async onModuleDestroy(): Promise<void> {
    for (const batch of this.batches) await batch.drain();
  }

  private async pushToRooms(server: HarbourServer, pushes: RoomPush[]): Promise<void> {
    const shown = pushes.filter((push) => push.name !== 'post:deleted').map((push) => push.postId);
    const views = await this.posts.viewsForRoom([...new Set(shown)]);
    for (const push of pushes) {
      if (push.name === 'post:deleted') {
        server.to(topicRoom(push.topicId)).emit('post:deleted', { id: push.postId, topicId: push.topicId });
        continue;
      }
      const view = views.get(push.postId);
      if (view) server.to(topicRoom(push.topicId)).emit(push.name, view);
    }
  }

  /** Each member's new notifications, read back through the reader, then their unread count. */
  private async pushToMembers(server: HarbourServer, items: { id: string; userId: string }[]): Promise<void> {
    const byMember = new Map<string, string[]>();
    for (const item of items) byMember.set(item.userId, [...(byMember.get(item.userId) ?? []), item.id]);
    const recipients = await this.members.load([...byMember.keys()]);
    for (const [userId, ids] of byMember) {
      const recipient = recipients.get(userId);
      if (!recipient) continue;
      // Read back through the reader: what is pushed passed the same access check as what is listed.
      for (const notification of await this.reader.byIds(recipient, ids)) server.to(userRoom(userId)).emit('notification', notification);
      server.to(userRoom(userId)).emit('notification:count', { count: await this.reader.unreadCount(recipient) });
    }
  }
}

/** A post event for its topic's room. */
interface RoomPush {
  postId: string;
  topicId: string;
  name: 'post:created' | 'post:updated' | 'post:deleted';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
