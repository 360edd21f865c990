import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { User } from '@harbour/accounts';
import { RuleRefusedError } from '@harbour/common';
import type { Locale } from '@harbour/contracts';
import { SettingsService, WatchedWordsService } from '@harbour/settings';
import { detectLanguage } from './language';
import { Mention } from './member-state.entities';
import { mentionedUsernames, renderMarkdown } from './markdown';
import { Post } from './post.entity';

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
}

/** The parts of writing a post that topics and replies share: rendering, numbering and mentions. */
@Injectable()
export class PostWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watchedWords: WatchedWordsService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Appends a post to a topic inside the caller's transaction. The topic row's counter update takes a row
   * lock, so concurrent replies get consecutive numbers and the count stays exact. A held reply takes no
   * number and leaves the topic untouched (count, last_post_at): others must not learn it exists; approval
   * numbers it (ReviewQueueService.approve). A held first post is numbered 1: its whole topic is held.
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
    },
  ): Promise<{ post: Post; mentionedUserIds: string[] }> {
    const { html, held } = input.prepared;
    const number = held && !input.first ? null : await this.nextNumber(manager, input.topicId);
    const { topicId, authorId, parentId, contentWarning, authorLocale } = input;
    const body = input.prepared.body;
    const fields = { topicId, authorId, body, parentId, contentWarning };
    const post = manager.create(Post, {
      ...fields,
      number,
      html,
      language: detectLanguage(body, authorLocale),
      hidden: held,
      pendingReview: held,
    });
    await manager.save(post);
    if (held) {
      // The review queue's item is written here, in the post's own transaction: a held post is never
      // missing from the queue (libs/moderation reads and decides these items).
      await manager.query(`INSERT INTO review_items (kind, target_type, target_id) VALUES ('held', 'post', $1)`, [post.id]);
      if (input.first) await manager.query('UPDATE topics SET pending_review = true WHERE id = $1', [input.topicId]);
    }
    const mentionedUserIds = await this.saveMentions(manager, post.id, html, input.authorId);
    return { post, mentionedUserIds };
  }

  /** Counts a post in its topic under the topic row's lock and answers its number. */
  async nextNumber(manager: EntityManager, topicId: string): Promise<number> {
    const counted: [{ post_count: number }[], number] = await manager.query(
      'UPDATE topics SET post_count = post_count + 1, last_post_at = now() WHERE id = $1 RETURNING post_count',
      [topicId],
    );
    const number = counted[0][0]?.post_count;
    if (number === undefined) throw new Error(`Topic ${topicId} vanished while posting`);
    return number;
  }

  /**
   * Renders and judges a body, outside any transaction (see PreparedPost): a blocked word refuses it with
   * a 422 naming the word; censored words are masked; a review word or a newcomer's post is held.
   * `title` is a new topic's, judged with its first post; `author` is null for an edit (never held).
   */
  async prepare(body: string, options: { title?: string; author: { id: string; staff: boolean } | null }): Promise<PreparedPost> {
    const verdict = await this.watchedWords.judge({ html: renderMarkdown(body), title: options.title });
    if (verdict.blockedBy) throw new RuleRefusedError(`This contains a word that is not allowed here: "${verdict.blockedBy}"`);
    const { author } = options;
    const held = author !== null && !author.staff && (verdict.heldBy !== null || (await this.isNewMember(author.id)));
    return { body, html: verdict.html, held };
  }

  /** Whether the site holds this member's posts as a newcomer's: fewer than N of theirs have been let through. */
  private async isNewMember(authorId: string): Promise<boolean> {
    const { newMemberReviewPosts } = await this.settings.get();
    if (newMemberReviewPosts === 0) return false;
    const [row]: { passed: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS passed FROM (SELECT 1 FROM posts WHERE author_id = $1 AND NOT pending_review AND deleted_at IS NULL LIMIT $2) p',
      [authorId, newMemberReviewPosts],
    );
    return (row?.passed ?? 0) < newMemberReviewPosts;
  }

  /** Replaces a post's body with a prepared one (an edit is judged like a new post, but never held) and its mentions. */
  async rewrite(manager: EntityManager, post: Post, prepared: PreparedPost): Promise<void> {
    post.html = prepared.html;
    post.body = prepared.body;
    post.language = detectLanguage(prepared.body, post.language);
    await manager.delete(Mention, { postId: post.id });
    await this.saveMentions(manager, post.id, post.html, post.authorId);
  }

  private async saveMentions(manager: EntityManager, postId: string, html: string, authorId: string): Promise<string[]> {
    const names = mentionedUsernames(html);
    if (names.length === 0) return [];
    const users = await manager.find(User, { select: { id: true }, where: { usernameKey: In(names), status: 'active' } });
    const ids = users.map((user) => user.id).filter((id) => id !== authorId);
    if (ids.length > 0)
      await manager.insert(
        Mention,
        ids.map((userId) => ({ postId, userId })),
      );
    return ids;
  }
}
