import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEventMap } from '@harbour/common';
import { CategoryRepository } from './category.repository';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { PostUploads } from './post-uploads';
import { PostWriter, type PreparedPost } from './post-writer';
import { TopicSurgeryRepository } from './topic-surgery.repository';
import { TopicRepository } from './topic.repository';

/**
 * What moderators' decisions change in the forum, each inside the decision's own transaction (the caller's
 * `manager`): libs/moderation calls these and never writes forum's tables itself.
 */
@Injectable()
export class ForumModeration {
  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly categories: CategoryRepository,
    private readonly postUploads: PostUploads,
    private readonly memberState: MemberStateRepository,
    private readonly writer: PostWriter,
    private readonly surgery: TopicSurgeryRepository,
  ) {}

  /** Renders and judges a moderator's new words for a post (outside the transaction, as any edit). */
  prepareEdit(body: string): Promise<PreparedPost> {
    return this.writer.prepare(body, { author: null });
  }

  /**
   * A moderator's edit from the queue, as an edit from the topic: the replaced body is kept as a revision
   * naming the editor (shown as "a moderator" to readers). False when the post is gone meanwhile.
   */
  async editPost(manager: EntityManager, postId: string, editorId: string, prepared: PreparedPost): Promise<boolean> {
    const current = await this.posts.lockForUpdate(manager, postId);
    if (!current || current.deletedAt !== null) return false;
    if (prepared.body === current.body) return true;
    await this.posts.addRevision(manager, { postId, body: current.body, editorId, editedAt: new Date() });
    await this.writer.rewrite(manager, current, prepared);
    const { body, html, language } = current;
    await this.posts.update(manager, postId, { body, html, language, editedAt: new Date(), revision: current.revision + 1 });
    return true;
  }

  /** Answers the topic's category (for its TopicUpdated), or null when it is gone. */
  async lockTopic(manager: EntityManager, topicId: string): Promise<string | null> {
    const placement = await this.topics.lockPlacement(manager, topicId);
    if (placement) await this.topics.update(manager, topicId, { locked: true });
    return placement?.categoryId ?? null;
  }

  /**
   * Moves a topic to another category under the topic's lock, counting it out of where it really is (as
   * TopicsService.update does); answers the category it left, or null when it was there already or is gone.
   */
  async moveTopic(manager: EntityManager, topicId: string, categoryId: string): Promise<string | null> {
    const placement = await this.topics.lockPlacement(manager, topicId);
    if (!placement || placement.categoryId === categoryId) return null;
    if (!placement.pendingReview) {
      await this.categories.countTopics(manager, placement.categoryId, -1);
      await this.categories.countTopics(manager, categoryId, 1);
    }
    await this.topics.update(manager, topicId, { categoryId });
    // The thread says where it came from, as a move from the topic page leaves it.
    await this.surgery.addNotice(manager, { topicId, kind: 'moved', otherCategoryId: placement.categoryId });
    return placement.categoryId;
  }

  async hidePost(manager: EntityManager, postId: string): Promise<void> {
    await this.posts.hide(manager, postId);
  }

  /** A tombstone, as the author's own deletion leaves. */
  async deletePost(manager: EntityManager, postId: string): Promise<void> {
    if (await this.posts.markDeleted(postId, manager)) await this.postUploads.release(manager, postId);
  }

  /**
   * Lets a held post (and its topic, for a first post) be seen; answers what its PostCreated says (null if
   * the post is gone). What a held post would have changed for others is applied only now: a reply is
   * numbered and counted in its topic (under the topic row's lock, as new posts are), and its topic moves
   * to the top of "latest"; a held topic is counted in its category.
   */
  async approveHeld(manager: EntityManager, postId: string): Promise<DomainEventMap['PostCreated'] | null> {
    const post = await this.posts.release(manager, postId);
    if (!post) return null;
    let number = post.number;
    if (number === null) {
      number = await this.topics.countPost(manager, post.topicId);
      await this.posts.setNumber(manager, postId, number);
      // As for any post (PostWriter.append): its author has read the topic up to it.
      await this.memberState.markRead(post.authorId, post.topicId, number, manager);
    } else if (number === 1) {
      // The topic is new to its category only now (see TopicsService.create), and new in "latest".
      const categoryId = await this.topics.show(manager, post.topicId);
      if (categoryId) await this.categories.countTopics(manager, categoryId, 1);
    }
    return {
      postId,
      topicId: post.topicId,
      authorId: post.authorId,
      parentId: post.parentId,
      mentionedUserIds: await this.posts.mentionedIn(postId, manager),
      quotedPostIds: [],
      firstPost: post.number === 1,
    };
  }
}
