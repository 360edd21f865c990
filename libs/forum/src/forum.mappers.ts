import { isStaff, type Caller } from '@harbour/access';
import { toUserDto } from '@harbour/accounts';
import type { CategoryDto, NotificationLevel, PostDto, TopicDto } from '@harbour/contracts';
import type { Category } from './category.entity';
import type { Post } from './post.entity';
import type { Topic } from './topic.entity';

export function toCategoryDto(category: Category): CategoryDto {
  return {
    id: category.id,
    name: category.name,
    slug: category.slug,
    description: category.description,
    groupId: category.groupId,
    parentId: category.parentId,
    topicCount: category.topicCount,
    sharedGroupIds: category.sharedGroupIds,
    // A site category is open to all whatever its columns say; only a group's category narrows access.
    access:
      category.groupId === null
        ? { see: 'everyone', start: 'everyone', reply: 'everyone' }
        : { see: category.seeAccess, start: category.startAccess, reply: category.replyAccess },
    private: category.groupId !== null && category.seeAccess !== 'everyone',
  };
}

/** The per-member parts of a topic in a list: how much is unread, and the member's notification level. */
export interface TopicMemberState {
  lastReadNumber?: number;
  level?: NotificationLevel;
}

export function toTopicDto(topic: Topic, state: TopicMemberState | null): TopicDto {
  if (!topic.author) throw new Error('toTopicDto needs the author loaded');
  return {
    id: topic.id,
    categoryId: topic.categoryId,
    title: topic.title,
    slug: topic.slug,
    author: toUserDto(topic.author),
    createdAt: topic.createdAt.toISOString(),
    lastPostAt: topic.lastPostAt.toISOString(),
    postCount: topic.postCount,
    pinned: topic.pinned,
    locked: topic.locked,
    slowModeSeconds: topic.slowModeSeconds,
    ...(state
      ? { unreadCount: Math.max(0, topic.postCount - (state.lastReadNumber ?? 0)), notificationLevel: state.level ?? 'normal' }
      : {}),
  };
}

/** What a page of posts needs besides the posts: reaction counts, the caller's reactions and bookmarks. */
export interface PostExtras {
  reactions: Map<string, Record<string, number>>;
  mine: Map<string, string[]>;
  bookmarked: Set<string>;
}

/**
 * A post as this caller may see it: a deleted post is a tombstone for everyone; a hidden post keeps its
 * content only for its author and staff.
 */
export function toPostDto(post: Post, caller: Caller | null, extras: PostExtras): PostDto {
  if (!post.author) throw new Error('toPostDto needs the author loaded');
  const deleted = Boolean(post.deletedAt);
  const staff = isStaff(caller);
  const blank = deleted || (post.hidden && !staff && caller?.userId !== post.authorId);
  return {
    id: post.id,
    topicId: post.topicId,
    number: post.number,
    parentId: post.parentId,
    author: deleted ? null : toUserDto(post.author),
    body: blank ? '' : post.body,
    html: blank ? '' : post.html,
    contentWarning: blank ? null : post.contentWarning,
    wiki: post.wiki,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    revision: post.revision,
    deleted,
    hidden: post.hidden,
    reactions: deleted ? {} : (extras.reactions.get(post.id) ?? {}),
    myReactions: extras.mine.get(post.id) ?? [],
    bookmarked: extras.bookmarked.has(post.id),
    ...(post.pendingReview ? { pendingReview: true } : {}),
  };
}
