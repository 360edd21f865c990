import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { AlertEvent, SessionEndReason } from '@harbour/contracts';

/**
 * Every domain event and its payload. Services publish after their transaction commits; listeners
 * (sockets, notifications, mail) react, and the service never knows they exist.
 */
export interface DomainEventMap {
  /**
   * Sessions ended: at logout (one); revoked from the member's session list (one, or all others); at a
   * password reset or change (all, or all others); at a suspension, ban or account deletion (all).
   */
  SessionsRevoked: { userId: string; sessionIds: string[] | 'all'; reason: SessionEndReason };
  PostCreated: {
    postId: string;
    topicId: string;
    authorId: string;
    parentId: string | null;
    mentionedUserIds: string[];
    quotedPostIds: string[];
    /** The post opens a new topic (its TopicCreated comes with it). */
    firstPost: boolean;
  };
  PostUpdated: { postId: string; topicId: string; editorId: string };
  /** Someone registered while the site approves registrations: admins are told someone is waiting. */
  RegistrationPending: { userId: string };
  /** A member appealed a sanction (it waits in the queue for site staff). */
  AppealOpened: { userId: string; sanctionId: string };
  /** A report was made: those who moderate its target hear of it (the reporter is not named to them). */
  ReportMade: { itemId: string; reporterId: string; targetType: 'post' | 'topic' | 'user' | 'message'; targetId: string };
  /** A new post held a `respond` watched word: its author alone gets the word's notice. */
  WatchedWordResponded: { wordId: string; userId: string; postId: string; topicId: string };
  PostDeleted: { postId: string; topicId: string };
  /** An admin approved a request to learn who wrote an anonymous post: its author is told why (api.md 1.1). */
  PostUnmasked: { postId: string; topicId: string; authorId: string; reason: string };
  TopicCreated: { topicId: string; categoryId: string; authorId: string };
  /** Title, pin, lock or category changed; `previousCategoryId` differs from `categoryId` after a move. */
  TopicUpdated: {
    topicId: string;
    categoryId: string;
    previousCategoryId: string;
    /** Posts left or joined it (a split or a merge): its readers reload it. */
    rearranged?: boolean;
  };
  /** Someone joined, left, was removed from a group or changed role in it: their access changed. */
  GroupMembershipChanged: { groupId: string; userId: string };
  /** A member was invited by username (their notification arrives with the notifications feature). */
  GroupInvited: { groupId: string; invitationId: string; userId: string; invitedById: string };
  /** A join request waits for the group's owners and moderators. */
  GroupJoinRequested: { groupId: string; requestId: string; userId: string };
  /** Who may see these categories changed (opened, closed, shared, a group made private). */
  SpaceAccessChanged: { categoryIds: string[] };
  /** A member blocked or unblocked someone: only what that member sees changes (their collapsed posts). */
  BlocksChanged: { userId: string };
  BookmarksChanged: { postId: string; topicId: string; userId: string };
  ReactionsChanged: { postId: string; topicId: string; userId: string; emoji: string; on: boolean };
  /** Notifications were stored for these members (one entry per notification, new or regrouped). */
  NotificationsCreated: { items: { id: string; userId: string }[] };
  /** Moderators decided on a queue item: its reporters, and the author of hidden or deleted content, hear of it. */
  ReportsResolved: {
    itemId: string;
    actorId: string;
    reporterIds: string[];
    outcome: 'dismiss' | 'hide' | 'delete' | 'approve' | 'reject' | 'edit' | 'lock' | 'move';
    /** The author told that their content was hidden or deleted (null when dismissed or about a member). */
    authorId: string | null;
    topicId: string | null;
    postId: string | null;
  };
  /** A member was warned or silenced, suspended or banned (told by email and, while active, in the app). */
  SanctionApplied: { sanctionId: string; userId: string; actorId: string; type: 'warn' | 'silence' | 'suspend' | 'ban' };
  /** A standing sanction was lifted early: the member may write (or sign in) again. */
  SanctionLifted: { sanctionId: string; userId: string; actorId: string };
  /** An admin changed a member's site role: what they may see and do changed with it, both ways. */
  MemberRoleChanged: { userId: string; role: 'member' | 'moderator' | 'admin'; previousRole: 'member' | 'moderator' | 'admin' };
  /** Site settings changed; `changed` names the fields (`loginRequired` decides whether visitors see anything). */
  SiteSettingsChanged: { changed: string[] };
  /** A member read some or all of their notifications (their other tabs update their count). */
  NotificationsRead: { userId: string };
  /**
   * A message was written in a conversation: `audienceIds` are everyone who sees the conversation when it
   * committed (the author included, for their other tabs); `addedIds` were named in it by this write.
   */
  MessageCreated: { messageId: string; conversationId: string; authorId: string; audienceIds: string[] };
  MessageUpdated: { messageId: string; conversationId: string; audienceIds: string[] };
  /** A member read a conversation to its last message: its notification is read too. */
  ConversationRead: { userId: string; conversationId: string };
  /** A participant added someone to a conversation (they are told, as of a message). */
  ConversationJoined: { conversationId: string; userId: string; addedById: string };
  /** A drug-supply alert was published, edited or retracted (its subscribers hear of it at once). */
  AlertChanged: { alertId: string; change: 'created' | 'updated' | 'retracted' };
  /** What sockets hear of an alert: to the own rooms of `audienceIds` (its subscribers, never one who turned alerts off). */
  AlertAnnounced: { event: AlertEvent; audienceIds: string[] };
}

export type DomainEventName = keyof DomainEventMap;

@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('Events');
  private readonly emitter = new EventEmitter();

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Registers a listener; a failing listener is logged and never breaks the publisher. */
  on<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => void | Promise<void>): void {
    this.emitter.on(name, (payload: DomainEventMap[K]) => {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((error: unknown) =>
          this.logger.error(`${name} listener failed: ${error instanceof Error ? error.message : 'unknown error'}`),
        );
    });
  }
}
