import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { DomainEvents, InvalidInputError, RuleRefusedError } from '@harbour/common';
import { REACTION_EMOJI, type NotificationLevel } from '@harbour/contracts';
import { ForumLookup } from './forum-lookup.service';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { PostWriter } from './post-writer';

/** One member's own state: reactions, bookmarks, notification levels and how far they have read. */
@Injectable()
export class MemberStateService {
  constructor(
    private readonly lookup: ForumLookup,
    private readonly memberState: MemberStateRepository,
    private readonly posts: PostRepository,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly dataSource: DataSource,
    private readonly writer: PostWriter,
  ) {}

  async react(caller: Caller, id: string, emoji: string, on: boolean): Promise<void> {
    if (!(REACTION_EMOJI as readonly string[]).includes(emoji)) {
      throw new InvalidInputError(`emoji must be one of ${REACTION_EMOJI.join(' ')}`);
    }
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    if (!this.access.can(caller, { action: 'post.react', category, site, post: ref })) throw new RuleRefusedError('This post is deleted');
    await this.asMember(caller, (manager) => this.memberState.setReaction(post.id, caller.userId, emoji, on, manager));
    this.events.publish('ReactionsChanged', { postId: post.id, topicId: post.topicId, userId: caller.userId, emoji, on });
  }

  async bookmark(caller: Caller, id: string, on: boolean): Promise<void> {
    const { post } = await this.lookup.post(caller, id);
    await this.asMember(caller, (manager) => this.memberState.setBookmark(post.id, caller.userId, on, manager));
    this.events.publish('BookmarksChanged', { postId: post.id, topicId: post.topicId, userId: caller.userId });
  }

  /**
   * A reaction or bookmark in a transaction that holds the member's row first: one racing their deletion waits
   * for it, then finds them gone (401) and leaves no row of theirs behind the erasure.
   */
  private async asMember(caller: Caller, write: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      await write(manager);
    });
  }

  async setCategoryLevel(caller: Caller, categoryId: string, level: NotificationLevel): Promise<void> {
    await this.lookup.category(caller, categoryId);
    await this.memberState.setLevel(caller.userId, { categoryId }, level);
  }

  /** The caller's level on a category they may see (the category page's menu shows it). */
  async categoryLevel(caller: Caller, categoryId: string): Promise<NotificationLevel> {
    return this.memberState.categoryLevel(caller.userId, categoryId);
  }

  async setTopicLevel(caller: Caller, topicId: string, level: NotificationLevel): Promise<void> {
    const { topic } = await this.lookup.topic(caller, topicId);
    await this.memberState.setLevel(caller.userId, { topicId: topic.id }, level);
  }

  /** Records reading up to a post; reading never goes backwards. */
  async markRead(caller: Caller, topicId: string, postId: string): Promise<void> {
    const { topic } = await this.lookup.topic(caller, topicId);
    const post = await this.posts.numberInTopic(postId, topic.id);
    if (!post) throw new InvalidInputError('postId must be a post of this topic');
    // A reply held for review has no number yet; it comes after every numbered post, so reading it is
    // reading the whole topic as it is counted now.
    await this.memberState.markRead(caller.userId, topic.id, post.number ?? topic.postCount);
  }
}
