import type { PageDto, PageQuery, UserDto } from './accounts';
import type { CategoryAccessDto } from './groups';

export interface CategoryDto {
  id: string;
  name: string;
  slug: string;
  description: string;
  groupId: string | null;
  parentId: string | null;
  topicCount: number;
  /** Other groups whose members count as members here (a space shared for inter-agency work). */
  sharedGroupIds: string[];
  /** Who may see, start topics and reply; meaningful for group categories (a site category is open to all). */
  access: CategoryAccessDto;
  /** Only some members may see it: show the private badge. */
  private: boolean;
  /** `#rrggbb` chosen by its editors, or null: clients then derive a stable hue from the id. */
  color: string | null;
  /** Its place among the categories of the same parent and group (0 first). */
  position: number;
  /** Anonymous posting: `off`, `allowed` (the poster's choice per post) or `required` (every post). */
  anonymous: CategoryAnonymous;
  /** Anonymous posts here wait in the review queue before anyone else sees them. */
  anonymousReview: boolean;
  /** `author`: a support desk, each member sees only the topics they started (issue 20; stored now). */
  topicsVisibleTo: TopicsVisibleTo;
  can: CategoryCan;
  /** The member's own level here (GET /api/categories/:id, members only; "normal" until they choose). */
  notificationLevel?: NotificationLevel;
}

/**
 * What the caller may do, computed by the server with the same questions that decide the requests
 * (api.md 1.1, `can`): a client shows an action exactly when its flag is true, and never re-derives roles.
 */
export const CATEGORY_ANONYMOUS = ['off', 'allowed', 'required'] as const;
export type CategoryAnonymous = (typeof CATEGORY_ANONYMOUS)[number];
export const TOPICS_VISIBLE_TO = ['everyone', 'author'] as const;
export type TopicsVisibleTo = (typeof TOPICS_VISIBLE_TO)[number];

export interface CategoryCan {
  startTopic: boolean;
  /** Pin, lock, move, slow mode and review in this category. */
  moderate: boolean;
  /** Change the category itself (name, description, permissions). */
  edit: boolean;
}

export interface TopicCan {
  reply: boolean;
  /** Change the title. */
  edit: boolean;
  /** Pin, lock, move, split, merge, slow mode. */
  moderate: boolean;
  flag: boolean;
}

export interface PostCan {
  edit: boolean;
  delete: boolean;
  react: boolean;
  flag: boolean;
  quote: boolean;
}

export interface TopicDto {
  id: string;
  categoryId: string;
  title: string;
  slug: string;
  /** null when its first post is anonymous (see anonymousLabel). */
  author: UserDto | null;
  /** Its first post is anonymous: "Anonymous 1" (api.md 1.1, Anonymous posting); absent otherwise. */
  anonymousLabel?: string;
  createdAt: string;
  lastPostAt: string;
  postCount: number;
  pinned: boolean;
  locked: boolean;
  /** Slow mode: each member may post once per this many seconds here (0: off; staff are exempt). */
  slowModeSeconds: number;
  /**
   * Numbered posts after the last one the member read; absent for visitors. A topic the member never opened
   * counts all its posts (it is "new"; see lastReadNumber).
   */
  unreadCount?: number;
  /** The number of the last post the member read; null when they never opened it; absent for visitors. */
  lastReadNumber?: number | null;
  notificationLevel?: NotificationLevel;
  can: TopicCan;
}

export interface TopicWithFirstPostDto extends TopicDto {
  firstPost: PostDto;
}

export interface PostDto {
  id: string;
  topicId: string;
  /** 1, 2, 3, … in reading order; null for a reply held for review (it is numbered when approved). */
  number: number | null;
  parentId: string | null;
  /** null for a deleted or an anonymous post. */
  author: UserDto | null;
  /**
   * Posted anonymously: "Anonymous 2", the same for one poster throughout a topic; absent for a signed post.
   * Nobody, staff included, learns the author from the API (api.md 1.1, Anonymous posting).
   */
  anonymousLabel?: string;
  body: string;
  html: string;
  contentWarning: string | null;
  wiki: boolean;
  /** Written by replying to a notification email (staff may read that email: GET /api/moderation/posts/:id/email). */
  viaEmail: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Edits of the body so far; send it back as `baseRevision` when editing, and a stale edit answers 409. */
  revision: number;
  deleted: boolean;
  hidden: boolean;
  reactions: Record<string, number>;
  myReactions: string[];
  bookmarked: boolean;
  /**
   * The caller blocked its author (api.md 1.1, Blocking): show it collapsed, one click away. Only ever true
   * in the blocker's own answers; a socket room, a visitor and the blocked member always get false.
   */
  blockedAuthor: boolean;
  /** Held for moderators: only its author and moderators see it until it is approved. */
  pendingReview?: true;
  can: PostCan;
}

export interface RevisionDto {
  body: string;
  editedAt: string;
  /**
   * Who made the edit: the author, or a member editing a wiki; null for a moderator's edit, except to staff
   * and the space's moderators (a moderator's identity is not public: they are harassed elsewhere).
   */
  editorId: string | null;
  /** Who edited, by standing: the author, a moderator (site staff or the space's moderators), another member (a wiki). */
  editedBy: 'author' | 'moderator' | 'member';
}

/**
 * Posts per page of a topic, for the client's pages and the guest's server-rendered page alike (they must agree:
 * the client takes the server page over). 20, as Discourse: a weak phone's first load of a topic is mostly the
 * work of drawing its posts, and a reader sees two or three at a time; more come as they scroll.
 */
export const TOPIC_POSTS_PER_PAGE = 20;

/** Topic lists (api.md 1.1, Precisions): latest by activity, unread and new for members, top in a period. */
export const TOPIC_FILTERS = ['latest', 'unread', 'new', 'top'] as const;
export type TopicFilter = (typeof TOPIC_FILTERS)[number];
export const TOPIC_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type TopicPeriod = (typeof TOPIC_PERIODS)[number];

/** A bookmarked post, with the topic it is in (the Bookmarks page links to it). */
export interface BookmarkDto extends PostDto {
  topic: { id: string; title: string; slug: string };
}

export const NOTIFICATION_LEVELS = ['watching', 'tracking', 'normal', 'muted'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/** The emoji members can react with (the set is fixed on purpose: no custom images, nothing remote). */
export const REACTION_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏', '💪', '🎉'] as const;

// Request bodies and query strings (see accounts.ts).

export interface CreateCategoryBody {
  name: string;
  description?: string;
  groupId?: string;
  parentId?: string;
  /** Group categories only; by default members see, start topics and reply. */
  access?: CategoryAccessDto;
  sharedGroupIds?: string[];
  color?: string | null;
  anonymous?: CategoryAnonymous;
  topicsVisibleTo?: TopicsVisibleTo;
}

/**
 * api.md 1.1: every field optional. `seeAccess`/`startAccess`/`replyAccess` change one audience at a time
 * (`access` all three). `position` is the place among its siblings (same parent and group); the others move
 * to make room. `parentId: null` makes it top-level; `color: null` goes back to the derived hue.
 */
export interface UpdateCategoryBody extends Partial<Pick<CreateCategoryBody, 'name' | 'description' | 'access' | 'sharedGroupIds'>> {
  color?: string | null;
  position?: number;
  parentId?: string | null;
  seeAccess?: CategoryAccessDto['see'];
  startAccess?: CategoryAccessDto['start'];
  replyAccess?: CategoryAccessDto['reply'];
  anonymous?: CategoryAnonymous;
  anonymousReview?: boolean;
  topicsVisibleTo?: TopicsVisibleTo;
}

/** `DELETE /api/categories/:id`: its topics go to `moveTopicsTo` (a merge); without it, only an empty one goes. */
export interface DeleteCategoryBody {
  moveTopicsTo?: string;
}

export interface CreateTopicBody {
  categoryId: string;
  title: string;
  body: string;
  contentWarning?: string;
  /** Post anonymously where the category allows it (400 where it is `off`; implied where `required`). */
  anonymous?: boolean;
}

export interface UpdateTopicBody {
  title?: string;
  categoryId?: string;
  pinned?: boolean;
  locked?: boolean;
  /** 0 turns slow mode off. */
  slowModeSeconds?: number;
}

export interface CreatePostBody {
  body: string;
  parentId?: string;
  contentWarning?: string;
  /** Posts quoted in the body. */
  quotes?: string[];
  /** Post anonymously where the category allows it (400 where it is `off`; implied where `required`). */
  anonymous?: boolean;
}

export interface UpdatePostBody {
  body?: string;
  wiki?: boolean;
  /** The post's `revision` the editor started from: a body edit made from an older one answers 409. */
  baseRevision?: number;
}

export interface PreviewBody {
  body: string;
}

export interface NotificationLevelBody {
  level: NotificationLevel;
}

export interface ReadBody {
  postId: string;
}

export interface TopicsQuery extends PageQuery {
  /** latest (the default), unread and new (members only: 401 for a visitor), top. */
  filter?: TopicFilter;
  /** For `top` only (default week); ignored by the other filters. */
  period?: TopicPeriod;
}

export interface TopicPostsQuery extends PageQuery {
  /** Only posts numbered after this one: how a reconnecting reader catches up. */
  after?: number;
  /** The page holding this post number (a few posts before it, the rest after); past the end: the last page. */
  around?: number;
  /** The posts just before this number, oldest first: how a reader pages upwards. */
  before?: number;
}

/** A page of a topic's posts: `nextCursor` continues down, `before` up. */
export interface TopicPostsPageDto extends PageDto<PostDto> {
  /** Pass as `?before=` to read the posts above this page; null when none are above it. */
  before: number | null;
}
