import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEventMap } from '@harbour/common';
import { CategoryRepository } from './category.repository';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { PostUploads } from './post-uploads';
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
  ) {}

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
