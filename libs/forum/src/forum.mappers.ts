import { toUserDto } from '@harbour/accounts';
import type { CategoryCan, CategoryDto, NotificationLevel, PostCan, PostDto, SpaceAudience, TopicCan, TopicDto } from '@harbour/contracts';
import type { Category } from './category.entity';
import type { Post } from './post.entity';
import type { Topic } from './topic.entity';

/** `can`: AccessService.categoryCan for the caller (see ForumViews). */
export function toCategoryDto(category: Category, can: CategoryCan): CategoryDto {
  return {
    id: category.id,
    name: category.name,
    slug: category.slug,
    description: category.description,
    groupId: category.groupId,
    parentId: category.parentId,
    topicCount: category.topicCount,
    sharedGroupIds: category.sharedGroupIds,
    // A site category is seen by all; it narrows only starting and replying, to site staff.
    access:
      category.groupId === null
        ? { see: 'everyone', start: siteAudience(category.startAccess), reply: siteAudience(category.replyAccess) }
        : { see: category.seeAccess, start: category.startAccess, reply: category.replyAccess },
    private: category.groupId !== null && category.seeAccess !== 'everyone',
    color: category.color,
    position: category.position,
    anonymous: category.anonymous,
    anonymousReview: category.anonymousReview,
    topicsVisibleTo: category.topicsVisibleTo,
    can,
  };
}

/** On a site category only site staff (`moderators`) narrow anything: every other value means everyone. */
function siteAudience(audience: SpaceAudience): 'everyone' | 'moderators' {
  return audience === 'moderators' ? 'moderators' : 'everyone';
}

/** The per-member parts of a topic in a list: how much is unread, and the member's notification level. */
export interface TopicMemberState {
  /** null: the member never opened the topic. */
  lastReadNumber?: number | null;
  level?: NotificationLevel;
}

/** What others see of an anonymous poster (api.md 1.1): a number stable within the topic, never the member. */
export function anonymousLabel(number: number): string {
  return `Anonymous ${number}`;
}

/** Fails closed: a row read without its anonymity column must not be answered as a signed one. */
function loadedAnonymity(number: number | null | undefined): number | null {
  if (number === undefined) throw new Error('anonymous_number was not read with this post or topic');
  return number;
}

export function toTopicDto(topic: Topic, state: TopicMemberState | null, can: TopicCan): TopicDto {
  if (!topic.author) throw new Error('toTopicDto needs the author loaded');
  const anonymous = loadedAnonymity(topic.anonymousNumber);
  return {
    id: topic.id,
    categoryId: topic.categoryId,
    title: topic.title,
    slug: topic.slug,
    author: anonymous === null ? toUserDto(topic.author) : null,
    ...(anonymous === null ? {} : { anonymousLabel: anonymousLabel(anonymous) }),
    createdAt: topic.createdAt.toISOString(),
    lastPostAt: topic.lastPostAt.toISOString(),
    postCount: topic.postCount,
    pinned: topic.pinned,
    locked: topic.locked,
    slowModeSeconds: topic.slowModeSeconds,
    ...(state
      ? {
          unreadCount: Math.max(0, topic.postCount - (state.lastReadNumber ?? 0)),
          lastReadNumber: state.lastReadNumber ?? null,
          notificationLevel: state.level ?? 'normal',
        }
      : {}),
    can,
  };
}

/** What a page of posts needs besides the posts: reaction counts, the caller's reactions, bookmarks and blocks. */
export interface PostExtras {
  reactions: Map<string, Record<string, number>>;
  mine: Map<string, string[]>;
  bookmarked: Set<string>;
  /** Authors of these posts whom the caller blocked (never filled for a visitor or a socket room). */
  blockedAuthors: Set<string>;
}

/** What a post's answer depends on besides the post: its extras, and the caller's answers from AccessService. */
export interface PostView {
  extras: PostExtras;
  /** AccessService.postCan for the caller. */
  can: PostCan;
  /** `post.seeHidden`: its author (while only hidden) and those who moderate its space. */
  seesHidden: boolean;
}

/** Nothing may be done by a visitor, nor by everyone in a socket room at once (a broadcast has no caller). */
export const NO_POST_CAN: PostCan = { edit: false, delete: false, react: false, flag: false, quote: false };

/**
 * A post as this caller may see it: a deleted post is a tombstone for everyone; a hidden post keeps its
 * content only for those who may see hidden posts (its author, its space's moderators).
 */
export function toPostDto(post: Post, view: PostView): PostDto {
  if (!post.author) throw new Error('toPostDto needs the author loaded');
  const { extras } = view;
  const deleted = Boolean(post.deletedAt);
  const blank = deleted || (post.hidden && !view.seesHidden);
  // An anonymous post names nobody, to anyone (its author and staff included): a reader who blocked its
  // author is not told either, or blocking would be a way to test who wrote it.
  const anonymous = loadedAnonymity(post.anonymousNumber);
  return {
    id: post.id,
    topicId: post.topicId,
    number: post.number,
    parentId: post.parentId,
    author: deleted || anonymous !== null ? null : toUserDto(post.author),
    ...(anonymous === null ? {} : { anonymousLabel: anonymousLabel(anonymous) }),
    body: blank ? '' : post.body,
    html: blank ? '' : post.html,
    contentWarning: blank ? null : post.contentWarning,
    wiki: post.wiki,
    viaEmail: post.viaEmail,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    revision: post.revision,
    deleted,
    hidden: post.hidden,
    reactions: deleted ? {} : (extras.reactions.get(post.id) ?? {}),
    myReactions: extras.mine.get(post.id) ?? [],
    bookmarked: extras.bookmarked.has(post.id),
    blockedAuthor: !deleted && anonymous === null && extras.blockedAuthors.has(post.authorId),
    ...(post.pendingReview ? { pendingReview: true } : {}),
    can: view.can,
  };
}
