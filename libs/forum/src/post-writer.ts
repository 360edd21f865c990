import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { User } from '@harbour/accounts';
import type { Locale } from '@harbour/contracts';
import { detectLanguage } from './language';
import { Mention } from './member-state.entities';
import { mentionedUsernames, renderMarkdown } from './markdown';
import { Post } from './post.entity';

/** The parts of writing a post that topics and replies share: rendering, numbering and mentions. */
@Injectable()
export class PostWriter {
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
    },
  ): Promise<{ post: Post; mentionedUserIds: string[] }> {
    // Render before taking the topic's row lock: replies to a busy topic queue on it.
    const html = renderMarkdown(input.body);
    const counted: [{ post_count: number }[], number] = await manager.query(
      'UPDATE topics SET post_count = post_count + 1, last_post_at = now() WHERE id = $1 RETURNING post_count',
      [input.topicId],
    );
    const number = counted[0][0]?.post_count;
    if (number === undefined) throw new Error(`Topic ${input.topicId} vanished while posting`);
    const { authorLocale, ...fields } = input;
    const post = manager.create(Post, { ...fields, number, html, language: detectLanguage(input.body, authorLocale) });
    await manager.save(post);
    const mentionedUserIds = await this.saveMentions(manager, post.id, html, input.authorId);
    return { post, mentionedUserIds };
  }

  /** Re-renders an edited body and replaces its mentions. */
  async rewrite(manager: EntityManager, post: Post, body: string): Promise<void> {
    post.body = body;
    post.html = renderMarkdown(body);
    post.language = detectLanguage(body, post.language);
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
