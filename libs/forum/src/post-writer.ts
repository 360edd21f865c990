import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { User } from '@harbour/accounts';
import { RuleRefusedError } from '@harbour/common';
import type { Locale } from '@harbour/contracts';
import { SettingsService, WatchedWordsService } from '@harbour/settings';
import { detectLanguage } from './language';
import { Mention } from './member-state.entities';
import { mentionedUsernames, renderMarkdown } from './markdown';
import { Post } from './post.entity';

/** The parts of writing a post that topics and replies share: rendering, numbering and mentions. */
@Injectable()
export class PostWriter {
  constructor(
    private readonly watchedWords: WatchedWordsService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Appends a post to a topic inside the caller's transaction. The topic row's counter update takes a row
   * lock, so concurrent replies get consecutive numbers and the count stays exact.
   */
  async append(
    manager: EntityManager,
    input: {
      topicId: string;
      authorId: string;
      body: string;
      parentId: string | null;
      contentWarning: string | null;
      /** The author's locale: the post's search language when its words do not tell. */
      authorLocale: Locale;
      /** A new topic's title, judged by the watched words with its first post. */
      title?: string;
      /** Site staff are never held for review. */
      authorIsStaff: boolean;
    },
  ): Promise<{ post: Post; mentionedUserIds: string[] }> {
    // Render before taking the topic's row lock: replies to a busy topic queue on it.
    const { html, heldBy } = await this.render(input.body, input.title);
    const held = !input.authorIsStaff && (heldBy !== null || (await this.isNewMember(manager, input.authorId)));
    const counted: [{ post_count: number }[], number] = await manager.query(
      'UPDATE topics SET post_count = post_count + 1, last_post_at = now() WHERE id = $1 RETURNING post_count',
      [input.topicId],
    );
    const number = counted[0][0]?.post_count;
    if (number === undefined) throw new Error(`Topic ${input.topicId} vanished while posting`);
    const { topicId, authorId, body, parentId, contentWarning, authorLocale } = input;
    const fields = { topicId, authorId, body, parentId, contentWarning };
    const post = manager.create(Post, {
      ...fields,
      number,
      html,
      language: detectLanguage(input.body, authorLocale),
      hidden: held,
      pendingReview: held,
    });
    await manager.save(post);
    if (held) {
      // The review queue's item is written here, in the post's own transaction: a held post is never
      // missing from the queue (libs/moderation reads and decides these items).
      await manager.query(`INSERT INTO review_items (kind, target_type, target_id) VALUES ('held', 'post', $1)`, [post.id]);
      if (number === 1) await manager.query('UPDATE topics SET pending_review = true WHERE id = $1', [input.topicId]);
    }
    const mentionedUserIds = await this.saveMentions(manager, post.id, html, input.authorId);
    return { post, mentionedUserIds };
  }

  /** Whether the site holds this member's posts as a newcomer's: fewer than N of theirs have been let through. */
  private async isNewMember(manager: EntityManager, authorId: string): Promise<boolean> {
    const { newMemberReviewPosts } = await this.settings.get();
    if (newMemberReviewPosts === 0) return false;
    const [row]: { passed: number }[] = await manager.query(
      'SELECT count(*)::int AS passed FROM (SELECT 1 FROM posts WHERE author_id = $1 AND NOT pending_review AND deleted_at IS NULL LIMIT $2) p',
      [authorId, newMemberReviewPosts],
    );
    return (row?.passed ?? 0) < newMemberReviewPosts;
  }

  /** Re-renders an edited body and replaces its mentions. */
  async rewrite(manager: EntityManager, post: Post, body: string): Promise<void> {
    // An edit is judged like a new post, except that it is not held: moderators can see it in the log.
    post.html = (await this.render(body)).html;
    post.body = body;
    post.language = detectLanguage(body, post.language);
    await manager.delete(Mention, { postId: post.id });
    await this.saveMentions(manager, post.id, post.html, post.authorId);
  }

  /** The sanitized html with censored words masked; a blocked word refuses the post, naming the word. */
  private async render(body: string, title?: string): Promise<{ html: string; heldBy: string | null }> {
    const verdict = await this.watchedWords.judge({ html: renderMarkdown(body), title });
    if (verdict.blockedBy) throw new RuleRefusedError(`This contains a word that is not allowed here: "${verdict.blockedBy}"`);
    return { html: verdict.html, heldBy: verdict.heldBy };
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
