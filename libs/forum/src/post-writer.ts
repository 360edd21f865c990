import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRepository } from '@harbour/accounts';
import { ConflictError, NotFoundError, PostedDrafts, RuleRefusedError, type DraftKey } from '@harbour/common';
import type { Locale } from '@harbour/contracts';
import { SettingsService, WatchedWordsService } from '@harbour/settings';
import { AnonymousPosting } from './anonymous-posting';
import { detectLanguage } from './language';
import { mentionedUsernames, renderMarkdown } from './markdown';
import type { Post } from './post.entity';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { PostUploads } from './post-uploads';
import { ReviewHolds } from './review-holds';
import { TopicRepository } from './topic.repository';

/** A reply's answer when the post it answers was split into another topic meanwhile. */
export const PARENT_MOVED = 'The post you answer was moved to another topic meanwhile: reload the topic';

/**
 * A body rendered and judged, ready to write. Made by `PostWriter.prepare` before the writing transaction
 * opens: judging reads the watched words, the settings and the author's history on other connections, and
 * a transaction waiting for a second connection from a busy pool would wait forever.
 */
export interface PreparedPost {
  body: string;
  html: string;
  /** Held for review: a `review` watched word, or a new member's first posts. */
  held: boolean;
  /** A `respond` watched word in a new post: its id (the author gets its notice once the post is written). */
  respondWith: string | null;
}

/** The parts of writing a post that topics and replies share: rendering, numbering, mentions and the uploads it uses. */
@Injectable()
export class PostWriter {
  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly reviewHolds: ReviewHolds,
    private readonly users: UserRepository,
    private readonly watchedWords: WatchedWordsService,
    private readonly settings: SettingsService,
    private readonly postUploads: PostUploads,
    private readonly drafts: PostedDrafts,
    private readonly memberState: MemberStateRepository,
    private readonly anonymity: AnonymousPosting,
  ) {}

  /** First in a writing transaction, before any post or topic row: see UserRepository.holdWriter. */
  async holdWriter(manager: EntityManager, userId: string): Promise<void> {
    await this.users.holdWriter(userId, manager);
  }

  /**
   * Appends a post to a topic inside the caller's transaction. The topic row's counter update takes a row
   * lock, so concurrent replies get consecutive numbers and the count stays exact. A held reply takes no
   * number and leaves the topic untouched (count, last_post_at): others must not learn it exists; approval
   * numbers it (ForumModeration.approveHeld). A held first post is numbered 1: its whole topic is held.
   */
  async append(
    manager: EntityManager,
    input: {
      topicId: string;
      /** The topic's first post (TopicsService.create), numbered even when held. */
      first: boolean;
      authorId: string;
      parentId: string | null;
      contentWarning: string | null;
      /** The author's locale: the post's search language when its words do not tell. */
      authorLocale: Locale;
      prepared: PreparedPost;
      /** Posted anonymously (AnonymousPosting.decide): numbered among the topic's anonymous posters. */
      anonymous: boolean;
      /** Written by replying to an email (libs/mail-replies). */
      viaEmail?: boolean;
    },
  ): Promise<{ post: Post; mentionedUserIds: string[] }> {
    const { html, held } = input.prepared;
    if (!input.first) await this.assertStillThere(manager, input.topicId, input.parentId);
    const number = held && !input.first ? null : await this.topics.countPost(manager, input.topicId);
    const { topicId, authorId, parentId, contentWarning, authorLocale } = input;
    // Under the topic row's lock (countPost or assertStillThere took it), as the post's number is.
    const anonymousNumber = input.anonymous ? await this.anonymity.numberIn(manager, topicId, authorId) : null;
    const body = input.prepared.body;
    const fields = { topicId, authorId, body, parentId, contentWarning, anonymousNumber };
    const post = await this.posts.insert(manager, {
      ...fields,
      number,
      html,
      language: detectLanguage(body, authorLocale),
      hidden: held,
      pendingReview: held,
      viaEmail: input.viaEmail ?? false,
    });
    // Its author has read their own post: it is neither unread nor new to them in the topic lists.
    if (number !== null) await this.memberState.markRead(authorId, topicId, number, manager);
    if (held) {
      // The review queue's item is opened here, in the post's own transaction: a held post is never
      // missing from the queue (libs/moderation provides the opener, reads and decides these items).
      await this.reviewHolds.open(manager, { targetType: 'post', targetId: post.id });
      if (input.first) await this.topics.markHeld(manager, input.topicId);
    }
    const mentionedUserIds = await this.saveMentions(manager, post.id, html, input.authorId, { fresh: true });
    await this.postUploads.record(manager, post.id, authorId, html);
    await this.drafts.posted(manager, authorId, await this.draftKey(manager, input));
    return { post, mentionedUserIds };
  }

  /**
   * Under the topic's row lock (which a split or merge holds while it moves posts): the topic may have been
   * merged away, or the post answered split off, since the request checked them.
   */
  private async assertStillThere(manager: EntityManager, topicId: string, parentId: string | null): Promise<void> {
    if (!(await this.topics.lockPlacement(manager, topicId))) throw new NotFoundError();
    if (parentId && !(await this.posts.numberInTopic(parentId, topicId, manager))) {
      throw new ConflictError(PARENT_MOVED);
    }
  }

  /** The draft a post was written from: a reply's topic's, or a first post's category's (its new topic). */
  private async draftKey(manager: EntityManager, input: { topicId: string; first: boolean }): Promise<DraftKey> {
    if (!input.first) return `topic:${input.topicId}`;
    // The topic row was inserted in this transaction, which already holds its lock (countPost).
    const placement = await this.topics.lockPlacement(manager, input.topicId);
    if (!placement) throw new Error(`Topic ${input.topicId} vanished while posting`);
    return `new-topic:${placement.categoryId}`;
  }

  /**
   * Renders and judges a body, outside any transaction (see PreparedPost): a blocked word refuses it with
   * a 422 naming the word; censored words are masked; a review word or a newcomer's post is held.
   * `title` is a new topic's, judged with its first post; `author` is null for an edit (never held); `exempt`: the author's posts are never held (`review.exempt`).
   */
  async prepare(body: string, options: { title?: string; author: { id: string; exempt: boolean } | null }): Promise<PreparedPost> {
    const verdict = await this.watchedWords.judge({ html: renderMarkdown(body), title: options.title });
    if (verdict.blockedBy) throw new RuleRefusedError(`This contains a word that is not allowed here: "${verdict.blockedBy}"`);
    const { author } = options;
    const held = author !== null && !author.exempt && (verdict.heldBy !== null || (await this.isNewMember(author.id)));
    return { body, html: verdict.html, held, respondWith: author ? verdict.respondWith : null };
  }

  /** Whether the site holds this member's posts as a newcomer's: fewer than N of theirs have been let through. */
  private async isNewMember(authorId: string): Promise<boolean> {
    const { newMemberReviewPosts } = await this.settings.get();
    if (newMemberReviewPosts === 0) return false;
    return (await this.posts.passedCount(authorId, newMemberReviewPosts)) < newMemberReviewPosts;
  }

  /** Replaces a post's body with a prepared one (an edit is judged like a new post, but never held) and its mentions. */
  async rewrite(manager: EntityManager, post: Post, prepared: PreparedPost): Promise<void> {
    post.html = prepared.html;
    post.body = prepared.body;
    post.language = detectLanguage(prepared.body, post.language);
    await this.saveMentions(manager, post.id, post.html, post.authorId, { fresh: false });
    await this.postUploads.record(manager, post.id, post.authorId, post.html);
  }

  private async saveMentions(
    manager: EntityManager,
    postId: string,
    html: string,
    authorId: string,
    options: { fresh: boolean },
  ): Promise<string[]> {
    const names = mentionedUsernames(html);
    const ids = (await this.users.activeIdsByUsernames(names, manager)).filter((id) => id !== authorId);
    if (ids.length > 0 || !options.fresh) await this.posts.replaceMentions(manager, postId, ids, options);
    return ids;
  }
}
