import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { blockedPairs, siteStaffIds } from '@harbour/accounts';
import type { CategoryRef } from '@harbour/access';
import {
  forumTargetSpace,
  notificationLevels,
  postAuthors,
  postContexts,
  postHtml,
  postLinks,
  type NotificationLevelRow,
  type PostContext,
  type PostLink,
} from '@harbour/forum';
import { groupManagerIds, mentionableGroupMembers } from '@harbour/groups';

/**
 * What notifications are made from: posts, levels and group members, read from the other libs' rows through
 * their owners' functions (README, "Each lib owns its tables"), each one statement for a whole batch of posts.
 * Plain functions, not the owners' modules: the worker runs notifications without ForumModule or GroupsModule.
 */
@Injectable()
export class NotificationSources {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Each post with its topic, parent and space, by post id. */
  postContexts(postIds: string[], manager?: EntityManager): Promise<Map<string, PostContext>> {
    return postContexts(this.db(manager), postIds);
  }

  /** Each post's author, for the posts quoted by a batch. */
  postAuthors(postIds: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return postAuthors(this.db(manager), postIds);
  }

  /** A post's rendered HTML (the email's excerpt), or null when it is gone. */
  postHtml(postId: string, manager?: EntityManager): Promise<string | null> {
    return postHtml(this.db(manager), postId);
  }

  /** Where each post (by post id) and each topic (by topic id) is in the web client. */
  postLinks(postIds: string[], topicIds: string[], manager?: EntityManager): Promise<Map<string, PostLink>> {
    return postLinks(this.db(manager), postIds, topicIds);
  }

  /** The members' levels on these topics and on these categories. */
  levels(topicIds: string[], categoryIds: string[], manager?: EntityManager): Promise<NotificationLevelRow[]> {
    return notificationLevels(this.db(manager), topicIds, categoryIds);
  }

  /** Members of the named groups (up to `maxMembers` strong) that the given authors belong to. */
  groupMembersMentioned(
    slugs: string[],
    authorIds: string[],
    maxMembers: number,
    manager?: EntityManager,
  ): Promise<{ slug: string; authorId: string; userId: string }[]> {
    return mentionableGroupMembers(this.db(manager), slugs, authorIds, maxMembers);
  }

  /** Which (recipient, actor) pairs the recipient blocked, as `${recipientId}:${actorId}` keys. */
  blockedPairs(pairs: { recipientId: string; actorId: string }[], manager?: EntityManager): Promise<Set<string>> {
    return blockedPairs(this.db(manager), pairs);
  }

  /** The group's owners and moderators. */
  groupManagers(groupId: string, manager?: EntityManager): Promise<string[]> {
    return groupManagerIds(this.db(manager), groupId);
  }

  /** The site's active admins and moderators (or only the roles named). */
  siteStaff(roles: readonly ('admin' | 'moderator')[]): Promise<string[]> {
    return siteStaffIds(this.db(), roles);
  }

  /** A reported post's or topic's topic and space, or null when it is gone. */
  targetSpace(target: { type: 'post' | 'topic'; id: string }): Promise<(CategoryRef & { topicId: string }) | null> {
    return forumTargetSpace(this.db(), target);
  }
}
