import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller, type SiteRules, type SqlScope } from '@harbour/access';
import { audit } from '@harbour/audit';
import { ConflictError, DomainEvents, NotAuthenticatedError } from '@harbour/common';
import type { PageDto, TopicDto, TopicsQuery, TopicWithFirstPostDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import type { Category } from './category.entity';
import { CategoryRepository } from './category.repository';
import { AnonymousPosting } from './anonymous-posting';
import { ForumLookup } from './forum-lookup.service';
import type { TopicMemberState } from './forum.mappers';
import { ForumViews } from './forum-views';
import type { CreateTopicDto, UpdateTopicDto } from './forum.dtos';
import { MemberStateRepository } from './member-state.repository';
import { PostRepository } from './post.repository';
import { PostWriter } from './post-writer';
import { detectLanguage } from './language';
import { slugify } from './slug';
import { decodeTopicListCursor, encodeTopicListCursor, periodStart, type TopicListPosition } from './topic-list-cursor';
import { TopicListRepository } from './topic-list.repository';
import type { Topic } from './topic.entity';
import { TopicRepository } from './topic.repository';
import { TopicSurgeryRepository } from './topic-surgery.repository';

@Injectable()
export class TopicsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly topics: TopicRepository,
    private readonly lists: TopicListRepository,
    private readonly categories: CategoryRepository,
    private readonly posts: PostRepository,
    private readonly memberState: MemberStateRepository,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
    private readonly writer: PostWriter,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly surgery: TopicSurgeryRepository,
    private readonly anonymity: AnonymousPosting,
  ) {}

  /**
   * A category's topics (only its own: a subcategory has its own page), in one of the lists; latest keeps
   * pinned topics first, then by last activity.
   */
  async listInCategory(caller: Caller | null, categoryId: string, query: TopicsQuery): Promise<PageDto<TopicDto>> {
    const { category, site } = await this.lookup.category(caller, categoryId);
    const topics = this.access.visibleTopics(caller, 't', 'c');
    return this.page(caller, site, { scopes: [topics], categoryId: category.id }, query);
  }

  /** Topics of every category the caller may see, in one of the lists (the home page). */
  async listAll(caller: Caller | null, query: TopicsQuery): Promise<PageDto<TopicDto>> {
    const site = await this.lookup.site();
    const visible = this.access.visibleCategories(caller, site, 'c');
    const topics = this.access.visibleTopics(caller, 't', 'c');
    return this.page(caller, site, { scopes: [visible, topics] }, query);
  }

  async get(caller: Caller | null, id: string): Promise<TopicDto> {
    const { topic, site } = await this.lookup.topic(caller, id);
    const states = await this.memberStates(caller, [topic.id]);
    return this.views.topic(caller, topic, site, caller ? (states.get(topic.id) ?? {}) : null);
  }

  async create(caller: Caller, dto: CreateTopicDto): Promise<TopicWithFirstPostDto> {
    const { category, site } = await this.lookup.categoryNamedInBody(caller, dto.categoryId);
    this.access.assertCan(caller, { action: 'topic.create', category, site });
    if (!this.access.can(caller, { action: 'rateLimits.exempt' })) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('topic', caller.userId, rateLimits.topicsPerDay, 86400);
      await this.limiter.consume('post', caller.userId, rateLimits.postsPerMinute, 60);
    }
    const anonymity = await this.anonymity.decide(category.id, dto.anonymous);
    const judged = await this.writer.prepare(dto.body, {
      title: dto.title,
      author: { id: caller.userId, exempt: this.access.can(caller, { action: 'review.exempt' }) },
    });
    const prepared = { ...judged, held: judged.held || anonymity.held };
    const { topicId, mentionedUserIds, postId } = await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      const topic = await this.topics.insert(manager, {
        categoryId: category.id,
        authorId: caller.userId,
        title: dto.title,
        slug: slugify(dto.title, 'topic'),
        lastPostAt: new Date(),
        postCount: 0,
        language: detectLanguage(dto.body, caller.locale),
        // The first anonymous poster of a topic is always its "Anonymous 1".
        anonymousNumber: anonymity.anonymous ? 1 : null,
      });
      const { post, mentionedUserIds } = await this.writer.append(manager, {
        topicId: topic.id,
        first: true,
        authorId: caller.userId,
        parentId: null,
        contentWarning: dto.contentWarning ?? null,
        authorLocale: caller.locale,
        prepared,
        anonymous: anonymity.anonymous,
      });
      // A held topic counts in its category once it is approved (libs/moderation), not before.
      if (!prepared.held) await this.categories.countTopics(manager, category.id, 1);
      return { topicId: topic.id, postId: post.id, mentionedUserIds };
    });
    this.events.publish('TopicCreated', { topicId, categoryId: category.id, authorId: caller.userId });
    this.events.publish('PostCreated', {
      postId,
      topicId,
      authorId: caller.userId,
      parentId: null,
      mentionedUserIds,
      quotedPostIds: [],
      firstPost: true,
    });
    if (prepared.respondWith)
      this.events.publish('WatchedWordResponded', { wordId: prepared.respondWith, userId: caller.userId, postId, topicId });
    const topic = await this.get(caller, topicId);
    const [post] = await this.posts.findWithAuthors([postId], { held: true });
    if (!post) throw new Error(`Post ${postId} vanished after it was written`);
    const firstPost = this.views.post(caller, post, category, site, {
      reactions: new Map(),
      mine: new Map(),
      bookmarked: new Set(),
      blockedAuthors: new Set(),
    });
    return { ...topic, firstPost };
  }

  /** The author may retitle; those who moderate the space may also move, pin, lock and set slow mode. */
  async update(caller: Caller, id: string, dto: UpdateTopicDto): Promise<TopicDto> {
    const { topic, category, site } = await this.lookup.topic(caller, id);
    if (dto.title !== undefined) this.access.assertCan(caller, { action: 'topic.editTitle', category, site, topic });
    const moderating =
      dto.categoryId !== undefined || dto.pinned !== undefined || dto.locked !== undefined || dto.slowModeSeconds !== undefined;
    if (moderating) this.access.assertCan(caller, { action: 'topic.moderate', category, site });
    let target: Category | null = null;
    if (dto.categoryId !== undefined && dto.categoryId !== topic.categoryId) {
      target = (await this.lookup.categoryNamedInBody(caller, dto.categoryId)).category;
      // Moving between spaces needs moderation rights in both: nobody carries a topic into a space they do not moderate.
      this.access.assertCan(caller, { action: 'topic.moderate', category: target, site });
    }
    const staffActions = [
      ...(dto.pinned !== undefined && dto.pinned !== topic.pinned ? [dto.pinned ? 'topic.pin' : 'topic.unpin'] : []),
      ...(dto.locked !== undefined && dto.locked !== topic.locked ? [dto.locked ? 'topic.lock' : 'topic.unlock'] : []),
      ...(target ? ['topic.move'] : []),
      ...(dto.slowModeSeconds !== undefined && dto.slowModeSeconds !== topic.slowModeSeconds ? ['topic.slow_mode'] : []),
    ];
    await this.dataSource.transaction(async (manager) => {
      // A title is its writer's words: none is written behind their account's erasure (which retitles their topics).
      if (dto.title !== undefined) await this.writer.holdWriter(manager, caller.userId);
      const changes: Partial<Topic> = {};
      if (dto.title !== undefined) Object.assign(changes, { title: dto.title, slug: slugify(dto.title, 'topic') });
      if (dto.pinned !== undefined) changes.pinned = dto.pinned;
      if (dto.locked !== undefined) changes.locked = dto.locked;
      if (dto.slowModeSeconds !== undefined) changes.slowModeSeconds = dto.slowModeSeconds;
      if (target) {
        // Under the topic's lock, from where it really is: two moves at once must not both count it out of
        // its old category (and the caller's rights were checked on that category, not on a newer one).
        const placement = await this.topics.lockPlacement(manager, topic.id);
        if (placement && placement.categoryId !== target.id) {
          if (placement.categoryId !== topic.categoryId)
            throw new ConflictError('This topic was moved meanwhile: reload it and move it from there');
          changes.categoryId = target.id;
          // The thread says where it came from (to readers who may see that space).
          await this.surgery.addNotice(manager, { topicId: topic.id, kind: 'moved', otherCategoryId: topic.categoryId });
          if (!placement.pendingReview) {
            await this.categories.countTopics(manager, topic.categoryId, -1);
            await this.categories.countTopics(manager, target.id, 1);
          }
        }
      }
      await this.topics.update(manager, topic.id, changes);
      for (const action of staffActions) {
        await audit(manager, { actorId: caller.userId, action, targetType: 'topic', targetId: topic.id });
      }
    });
    this.events.publish('TopicUpdated', {
      topicId: topic.id,
      categoryId: target?.id ?? topic.categoryId,
      previousCategoryId: topic.categoryId,
    });
    return this.get(caller, id);
  }

  private async page(
    caller: Caller | null,
    site: SiteRules,
    where: { scopes: SqlScope[]; categoryId?: string },
    query: TopicsQuery,
  ): Promise<PageDto<TopicDto>> {
    const filter = query.filter ?? 'latest';
    // Unread and new are about the member's own reading: a visitor has none, and is told to sign in.
    if ((filter === 'unread' || filter === 'new') && !caller) throw new NotAuthenticatedError(`Sign in to see ${filter} topics`);
    const limit = query.limit ?? 20;
    const after = decodeTopicListCursor(filter, query.cursor);
    const pinnedFirst = filter === 'latest' && where.categoryId !== undefined;
    const since = filter === 'top' ? (after?.order === 'score' ? after.since : periodStart(query.period ?? 'week')) : undefined;
    const rows = await this.lists.list({ ...where, filter, pinnedFirst, memberId: caller?.userId ?? null, since, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const states = await this.memberStates(
      caller,
      page.map((row) => row.topic.id),
    );
    const last = page[page.length - 1];
    let next: TopicListPosition | null = null;
    if (rows.length > limit && last) {
      const { topic } = last;
      if (filter === 'top' && since) next = { order: 'score', since, score: last.score, id: topic.id };
      else if (filter === 'new') next = { order: 'created', at: topic.createdAt.toISOString(), id: topic.id };
      else next = { order: 'activity', pinned: pinnedFirst && topic.pinned, at: topic.lastPostAt.toISOString(), id: topic.id };
    }
    return {
      items: page.map(({ topic }) => this.views.topic(caller, topic, site, caller ? (states.get(topic.id) ?? {}) : null)),
      nextCursor: next ? encodeTopicListCursor(next) : null,
    };
  }

  /** Read positions and notification levels of one member for a page of topics, in one query. */
  private async memberStates(caller: Caller | null, topicIds: string[]): Promise<Map<string, TopicMemberState>> {
    return caller ? this.memberState.topicStates(caller.userId, topicIds) : new Map();
  }
}
