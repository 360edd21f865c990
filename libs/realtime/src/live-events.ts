import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { DomainEvents } from '@harbour/common';
import { PostsService } from '@harbour/forum';
import { MemberCallers } from '@harbour/accounts';
import { NotificationReader } from '@harbour/notifications';
import { topicRoom, userRoom } from './rooms';

/**
 * Turns domain events into what sockets hear: new, edited and deleted posts to the topic's room (only
 * what every reader in it may see: a hidden post is never broadcast), and notifications with the new
 * unread count to every tab of their member. Emits go through the adapter, so sockets on every API
 * process hear them, whichever process made the change.
 */
@Injectable()
export class LiveEvents {
  constructor(
    private readonly events: DomainEvents,
    private readonly posts: PostsService,
    private readonly reader: NotificationReader,
    private readonly members: MemberCallers,
  ) {}

  attach(server: Server): void {
    const postChanged = async (event: { postId: string; topicId: string }, name: 'post:created' | 'post:updated') => {
      const post = await this.posts.viewForRoom(event.postId);
      if (post) server.to(topicRoom(event.topicId)).emit(name, post);
    };
    this.events.on('PostCreated', (event) => postChanged(event, 'post:created'));
    this.events.on('PostUpdated', (event) => postChanged(event, 'post:updated'));
    this.events.on('ReactionsChanged', (event) => postChanged(event, 'post:updated'));
    this.events.on('PostDeleted', (event) => {
      server.to(topicRoom(event.topicId)).emit('post:deleted', { id: event.postId, topicId: event.topicId });
    });
    this.events.on('NotificationsCreated', async (event) => {
      const byMember = new Map<string, string[]>();
      for (const item of event.items) byMember.set(item.userId, [...(byMember.get(item.userId) ?? []), item.id]);
      const recipients = await this.members.load([...byMember.keys()]);
      for (const [userId, ids] of byMember) {
        const recipient = recipients.get(userId);
        if (!recipient) continue;
        // Read back through the reader: what is pushed passed the same access check as what is listed.
        for (const notification of await this.reader.byIds(recipient, ids)) server.to(userRoom(userId)).emit('notification', notification);
        server.to(userRoom(userId)).emit('notification:count', { count: await this.reader.unreadCount(recipient) });
      }
    });
    this.events.on('NotificationsRead', async (event) => {
      const recipient = (await this.members.load([event.userId])).get(event.userId);
      if (recipient) server.to(userRoom(event.userId)).emit('notification:count', { count: await this.reader.unreadCount(recipient) });
    });
  }
}
