import type { PageQuery, UserDto } from './accounts';
import type { MessageDto } from './conversations';

export const FLAG_TARGET_TYPES = ['post', 'topic', 'user', 'message'] as const;
export type FlagTargetType = (typeof FLAG_TARGET_TYPES)[number];

export const FLAG_REASONS = ['spam', 'harassment', 'off_topic', 'illegal', 'privacy', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/**
 * dismiss, hide and delete decide reports; approve and reject decide a post held for review; edit (with
 * `body`), lock and move (with `categoryId`) act on a reported post or topic and close its reports.
 */
export const RESOLUTIONS = ['dismiss', 'hide', 'delete', 'approve', 'reject', 'edit', 'lock', 'move'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const SANCTION_TYPES = ['warn', 'silence', 'suspend', 'ban'] as const;
export type SanctionType = (typeof SANCTION_TYPES)[number];

/** `respond`: the post is published and its author alone gets a private notice with the admins' text. */
export const WATCHED_WORD_ACTIONS = ['block', 'censor', 'review', 'respond'] as const;
export type WatchedWordAction = (typeof WATCHED_WORD_ACTIONS)[number];

/** What a queue item is about: one post, topic or member, however many reported it. */
export interface ReviewTargetDto {
  type: FlagTargetType;
  id: string;
  /** The member who wrote the post or topic, or the member reported; null for an anonymous post. */
  member: UserDto | null;
  /** An anonymous post (a topic's first post): its label; its author is never shown, staff included. */
  anonymousLabel?: string;
  /** Shown to staff even when hidden or deleted: they judge what was written. */
  topicId?: string;
  topicTitle?: string;
  postNumber?: number;
  body?: string;
  html?: string;
  hidden?: boolean;
  deleted?: boolean;
}

export interface ReviewItemDto {
  id: string;
  kind: 'flags' | 'appeal' | 'held';
  createdAt: string;
  /** Another moderator is working on it (a claim lapses after 15 minutes). */
  claimedBy: UserDto | null;
  target: ReviewTargetDto;
  /** Each reason with how many reported it. */
  reasons: { reason: FlagReason; count: number }[];
  /** The reporters' notes. Who wrote them is shown to site staff only, never to group moderators. */
  notes: { note: string; reporter: UserDto | null; createdAt: string }[];
  /** The member's record, for judging: their sanctions so far and the open and past reports about them. */
  history: { sanctions: number; activeSanction: SanctionType | null; flagsAgainst: number };
  /** For an appeal: the sanction and what the member wrote. */
  appeal?: { sanctionId: string; type: SanctionType; reason: string; message: string };
  /**
   * A reported private message: it and the five before it, oldest first, shown to the site staff handling
   * the report and to nobody else (opening them is logged). The target's `body` and `html` are the message's.
   */
  context?: MessageDto[];
}

export interface SanctionDto {
  id: string;
  type: SanctionType;
  reason: string;
  until: string | null;
  createdAt: string;
  liftedAt: string | null;
  acknowledgedAt: string | null;
  appealedAt: string | null;
}

/** A member as staff see them on their moderation page. */
export interface MemberRecordDto {
  member: UserDto & { status: 'active' | 'pending' | 'suspended' | 'banned' | 'deleted' };
  sanctions: SanctionDto[];
  /** Reports about the member and their posts and topics, open or decided. */
  flagsAgainst: number;
  notes: { id: string; author: UserDto | null; body: string; createdAt: string }[];
}

export interface ModerationLogEntryDto {
  id: string;
  actor: UserDto | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /**
   * What the entry is about, as the reader may see it: a member's username, a topic's title (a post's
   * topic), a watched word; null when the reader may not see it or it is gone.
   */
  target: { label: string | null };
  reason: string | null;
  createdAt: string;
}

export interface WatchedWordDto {
  id: string;
  word: string;
  action: WatchedWordAction;
  /** A `respond` word's notice, in English (and French; the English one stands in when there is none). */
  response: string | null;
  responseFr: string | null;
  createdAt: string;
}

// Request bodies and query strings (see accounts.ts).

export interface CreateFlagBody {
  targetType: FlagTargetType;
  targetId: string;
  reason: FlagReason;
  note?: string;
}

export interface ResolveBody {
  action: Resolution;
  note?: string;
  /** The post's new words, for `edit`. */
  body?: string;
  /** Where the topic goes, for `move`. */
  categoryId?: string;
}

export interface CreateSanctionBody {
  type: SanctionType;
  reason: string;
  /** ISO 8601; a suspension's or silence's end. */
  until?: string;
}

export interface AppealBody {
  message: string;
}

export interface NoteBody {
  body: string;
}

export interface LogQuery extends PageQuery {
  action?: string;
  /** The moderator who acted. */
  actorId?: string;
  targetId?: string;
  /** Entries about this member: themself, or a post or topic they wrote. */
  memberId?: string;
}

export interface AddWatchedWordBody {
  word: string;
  action: WatchedWordAction;
  /** Required for `respond`, refused otherwise. */
  response?: string;
  responseFr?: string;
}

/** A suspended or banned member appeals from the sign-in page, with the credentials they would sign in with. */
export interface SignInAppealBody {
  login: string;
  password: string;
  message: string;
}

/** `POST /api/moderation/posts/:id/unmask`: why the moderator needs to know who wrote an anonymous post. */
export interface UnmaskBody {
  reason: string;
}

/**
 * A request to learn who wrote an anonymous post (api.md 1.1): made by a moderator, approved by a different
 * admin. `author` is present only on an approved request, and only in its requester's and its approver's answers.
 */
export interface UnmaskRequestDto {
  id: string;
  postId: string;
  /** Where the post is: its topic, and its number there (null while held for review); null once it is gone. */
  topicId: string | null;
  postNumber: number | null;
  status: 'pending' | 'approved';
  reason: string;
  requester: UserDto | null;
  approver: UserDto | null;
  createdAt: string;
  approvedAt: string | null;
  author?: UserDto;
  /** The caller may approve it now (an admin who did not ask, while it waits). */
  canApprove: boolean;
}

/**
 * `GET /api/moderation/posts/:id/email`: the email a post was written as (a reply by email), for the moderators of its
 * space; 404 for a post written on the site, an anonymous post (its email names the author) and whoever may not see it.
 */
export interface EmailOriginalDto {
  postId: string;
  receivedAt: string;
  /** The message as received (headers and body), cut after 1 MB. */
  source: string;
}
