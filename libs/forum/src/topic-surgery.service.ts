import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller, type SiteRules } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, InvalidInputError, isUuid, MovedPermanentlyError, NotFoundError } from '@harbour/common';
import type { Locale, TopicDto, TopicNoticeDto } from '@harbour/contracts';
import type { Category } from './category.entity';
import { CategoryRepository } from './category.repository';
import { ForumLookup } from './forum-lookup.service';
import { slugify } from './slug';
import type { Topic } from './topic.entity';
import { TopicRepository } from './topic.repository';
import type { MergeTopicDto, SplitTopicDto } from './topic-surgery.dtos';
import { TopicMoves } from './topic-moves';
import { TopicSurgeryRepository, type NoticeRow } from './topic-surgery.repository';
import { TopicsService } from './topics.service';

/**
 * Staff surgery on threads (api.md 1.1): split posts, with their replies, into a new topic; merge a topic into
 * another. Each is one transaction under the topics' row locks, in which the posts move and are renumbered,
 * read positions, notification levels, counts and notifications follow, notices are left in the threads and
 * the moderation log is written.
 */
@Injectable()
export class TopicSurgeryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surgery: TopicSurgeryRepository,
    private readonly topicRows: TopicRepository,
    private readonly categories: CategoryRepository,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    private readonly topics: TopicsService,
    private readonly moves: TopicMoves,
    private readonly events: DomainEvents,
  ) {}

  async split(caller: Caller, id: string, dto: SplitTopicDto): Promise<TopicDto> {
    const { topic, category, site } = await this.lookup.topic(caller, id);
    this.access.assertCan(caller, { action: 'topic.moderate', category, site });
    let target: Category = category;
    if (dto.categoryId !== undefined && dto.categoryId !== category.id) {
      target = (await this.lookup.categoryNamedInBody(caller, dto.categoryId)).category;
      // The new topic opens in a space the caller moderates too: nobody carries posts where they may not act.
      this.access.assertCan(caller, { action: 'topic.moderate', category: target, site });
    }
    const postIds = [...new Set(dto.postIds.map((postId) => postId.toLowerCase()))];
    const newTopicId = await this.dataSource.transaction(async (manager) => {
      await this.lockAsSeen(manager, [topic]);
      const named = await this.surgery.postsOf(manager, topic.id, postIds);
      if (named.length !== postIds.length) throw new InvalidInputError('postIds must name posts of this topic');
      if (named.some((post) => post.number === 1)) {
        throw new InvalidInputError('postIds cannot include the topic’s first post (merge the topic instead)');
      }
      const moving = await this.surgery.withReplies(manager, topic.id, postIds);
      const head = await this.surgery.splitHead(manager, moving);
      if (head.pendingReview) throw new ConflictError('The first post to move is held for review: approve or reject it first');
      const created = await this.topicRows.insert(manager, {
        categoryId: target.id,
        authorId: head.authorId,
        // Split off from an anonymous post, the new topic is as anonymous as it (its posts keep their labels).
        anonymousNumber: head.anonymousNumber,
        title: dto.title,
        slug: slugify(dto.title, 'topic'),
        createdAt: head.createdAt,
        lastPostAt: head.lastPostAt ?? head.createdAt,
        postCount: head.numbered,
        language: head.language as Locale,
      });
      await this.surgery.movePostsToNewTopic(manager, topic.id, created.id, moving);
      await this.categories.countTopics(manager, target.id, 1);
      await this.surgery.addNotice(manager, { topicId: topic.id, kind: 'split_to', postCount: head.numbered, otherTopicId: created.id });
      await this.surgery.addNotice(manager, { topicId: created.id, kind: 'split_from', postCount: head.numbered, otherTopicId: topic.id });
      await this.moves.moved(manager, { kind: 'posts', postIds: moving, toTopicId: created.id });
      await audit(manager, { actorId: caller.userId, action: 'topic.split', targetType: 'topic', targetId: topic.id });
      return created.id;
    });
    this.events.publish('TopicUpdated', {
      topicId: topic.id,
      categoryId: topic.categoryId,
      previousCategoryId: topic.categoryId,
      rearranged: true,
    });
    this.events.publish('TopicUpdated', {
      topicId: newTopicId,
      categoryId: target.id,
      previousCategoryId: topic.categoryId,
      rearranged: true,
    });
    return this.topics.get(caller, newTopicId);
  }

  async merge(caller: Caller, id: string, dto: MergeTopicDto): Promise<void> {
    const { topic, category, site } = await this.lookup.topic(caller, id);
    this.access.assertCan(caller, { action: 'topic.moderate', category, site });
    if (dto.intoTopicId.toLowerCase() === topic.id) throw new InvalidInputError('intoTopicId must name another topic');
    const into = await this.topicNamedInBody(caller, dto.intoTopicId);
    this.access.assertCan(caller, { action: 'topic.moderate', category: into.category, site });
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockAsSeen(manager, [topic, into.topic]);
      const postCount = locked.get(topic.id)?.postCount ?? 0;
      await this.surgery.mergePosts(manager, topic.id, into.topic.id);
      await this.moves.moved(manager, { kind: 'topic', fromTopicId: topic.id, toTopicId: into.topic.id });
      await this.surgery.retire(manager, topic.id, into.topic.id);
      await this.surgery.addNotice(manager, {
        topicId: into.topic.id,
        kind: 'merged_from',
        postCount,
        otherTitle: topic.title,
        otherCategoryId: topic.categoryId,
      });
      await this.categories.countTopics(manager, topic.categoryId, -1);
      await audit(manager, { actorId: caller.userId, action: 'topic.merge', targetType: 'topic', targetId: into.topic.id });
    });
    this.events.publish('TopicUpdated', {
      topicId: into.topic.id,
      categoryId: into.topic.categoryId,
      previousCategoryId: into.topic.categoryId,
      rearranged: true,
    });
    this.events.publish('TopicUpdated', {
      topicId: topic.id,
      categoryId: into.topic.categoryId,
      previousCategoryId: topic.categoryId,
      rearranged: true,
    });
  }

  /** A thread's notices, each telling about the other topic or category only as far as the reader may see it. */
  async notices(caller: Caller | null, id: string): Promise<{ items: TopicNoticeDto[] }> {
    const { topic, site } = await this.lookup.topic(caller, id);
    const rows = await this.surgery.notices(topic.id);
    return { items: await Promise.all(rows.map((row) => this.notice(caller, site, row))) };
  }

  /**
   * A merged-away topic answers 301 to its heir, for a caller who may see the heir; for anyone else it stays
   * the same 404 as a missing topic.
   */
  async redirectIfMerged(caller: Caller | null, id: string): Promise<void> {
    const heir = isUuid(id) ? await this.surgery.redirect(id) : null;
    if (!heir) return;
    try {
      await this.lookup.topic(caller, heir);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      throw error;
    }
    throw new MovedPermanentlyError(`/api/topics/${heir}`);
  }

  private async notice(caller: Caller | null, site: SiteRules, row: NoticeRow): Promise<TopicNoticeDto> {
    let otherTopic: TopicNoticeDto['otherTopic'] = null;
    let fromCategory: TopicNoticeDto['fromCategory'] = null;
    if (row.other_topic_id) {
      const other = await this.visibleTopic(caller, row.other_topic_id);
      if (other) otherTopic = { id: other.id, title: other.title };
    }
    if (row.other_category_id) {
      const other = await this.categories.findById(row.other_category_id);
      const seen = other !== null && this.access.can(caller, { action: 'category.see', category: other, site });
      if (seen && row.kind === 'moved') fromCategory = { id: other.id, name: other.name };
      // A merged-away topic's title was for the readers of its space: shown to those who may see that space now;
      // a support desk's was its author's (not kept) and its moderators': shown to those moderators only.
      const sawTitle = other !== null && this.access.can(caller, { action: 'topic.see', category: other, site, topic: { authorId: '' } });
      if (sawTitle && row.kind === 'merged_from' && row.other_title) otherTopic = { id: null, title: row.other_title };
    }
    return {
      id: row.id,
      kind: row.kind,
      createdAt: new Date(row.created_at).toISOString(),
      postCount: row.post_count,
      otherTopic,
      fromCategory,
    };
  }

  private async visibleTopic(caller: Caller | null, id: string): Promise<Topic | null> {
    try {
      return (await this.lookup.topic(caller, id)).topic;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** A topic named in the body: one the caller cannot see is a 400 naming the field, worded as for a missing one. */
  private async topicNamedInBody(caller: Caller, id: string): Promise<{ topic: Topic; category: Category }> {
    try {
      return await this.lookup.topic(caller, id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new InvalidInputError('intoTopicId does not name a topic you can use');
      throw error;
    }
  }

  /**
   * Locks the topics and checks they are still where the caller's rights were checked: a topic merged away
   * meanwhile is gone (404), one moved meanwhile or held for review is a conflict.
   */
  private async lockAsSeen(manager: EntityManager, seen: Topic[]): Promise<Map<string, { postCount: number }>> {
    const locked = await this.surgery.lockTopics(
      manager,
      seen.map((topic) => topic.id),
    );
    for (const [index, topic] of seen.entries()) {
      const now = locked.get(topic.id);
      if (!now && index === 0) throw new NotFoundError();
      if (!now) throw new InvalidInputError('intoTopicId does not name a topic you can use');
      if (now.categoryId !== topic.categoryId) throw new ConflictError('This topic was moved meanwhile: reload it and try again');
      if (now.pendingReview) throw new ConflictError('This topic is held for review: approve or reject it first');
    }
    return locked;
  }
}
