import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AccessService, isStaff, type Caller } from '@harbour/access';
import { ConflictError, DomainEvents } from '@harbour/common';
import type { NotificationLevel, PageDto, TopicDto, TopicWithFirstPostDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { Category } from './category.entity';
import { ForumLookup } from './forum-lookup.service';
import { toPostDto, toTopicDto, type TopicMemberState } from './forum.mappers';
import type { CreateTopicDto, UpdateTopicDto } from './forum.dtos';
import { Post } from './post.entity';
import { PostWriter } from './post-writer';
import { detectLanguage } from './language';
import { slugify } from './slug';
import { decodeTopicCursor, encodeTopicCursor } from './topic-cursor';
import { Topic } from './topic.entity';

@Injectable()
export class TopicsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly writer: PostWriter,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
  ) {}

  /** A category's topics, pinned first, then by last activity. */
  async listInCategory(caller: Caller | null, categoryId: string, query: { cursor?: string; limit?: number }): Promise<PageDto<TopicDto>> {
    await this.lookup.category(caller, categoryId);
    const builder = this.topics().innerJoin('topic.category', 'category').where('topic.categoryId = :categoryId', { categoryId });
    const held = this.access.visibleHeldTopics(caller, 'topic', 'category');
    builder.andWhere(held.where, held.params);
    return this.page(caller, builder, query, true);
  }

  /** The latest topics of every category the caller may see (the home page). */
  async listLatest(caller: Caller | null, query: { cursor?: string; limit?: number }): Promise<PageDto<TopicDto>> {
    const visible = this.access.visibleCategories(caller, await this.lookup.site(), 'category');
    const held = this.access.visibleHeldTopics(caller, 'topic', 'category');
    const builder = this.topics()
      .innerJoin('topic.category', 'category')
      .where(visible.where, visible.params)
      .andWhere(held.where, held.params);
    return this.page(caller, builder, query, false);
  }

  async get(caller: Caller | null, id: string): Promise<TopicDto> {
    const { topic } = await this.lookup.topic(caller, id);
    const states = await this.memberStates(caller, [topic.id]);
    return toTopicDto(topic, caller ? (states.get(topic.id) ?? {}) : null);
  }

  async create(caller: Caller, dto: CreateTopicDto): Promise<TopicWithFirstPostDto> {
    const { category, site } = await this.lookup.categoryNamedInBody(caller, dto.categoryId);
    this.access.assertCan(caller, { action: 'topic.create', category, site });
    if (!isStaff(caller)) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('topic', caller.userId, rateLimits.topicsPerDay, 86400);
      await this.limiter.consume('post', caller.userId, rateLimits.postsPerMinute, 60);
    }
    const prepared = await this.writer.prepare(dto.body, { title: dto.title, author: { id: caller.userId, staff: isStaff(caller) } });
    const { topicId, mentionedUserIds, postId } = await this.dataSource.transaction(async (manager) => {
      const topic = manager.create(Topic, {
        categoryId: category.id,
        authorId: caller.userId,
        title: dto.title,
        slug: slugify(dto.title, 'topic'),
        lastPostAt: new Date(),
        postCount: 0,
        language: detectLanguage(dto.body, caller.locale),
      });
      await manager.save(topic);
      const { post, mentionedUserIds } = await this.writer.append(manager, {
        topicId: topic.id,
        first: true,
        authorId: caller.userId,
        parentId: null,
        contentWarning: dto.contentWarning ?? null,
        authorLocale: caller.locale,
        prepared,
      });
      // A held topic counts in its category once it is approved (libs/moderation), not before.
      if (!prepared.held) await manager.increment(Category, { id: category.id }, 'topicCount', 1);
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
    const topic = await this.get(caller, topicId);
    const post = await this.dataSource.getRepository(Post).findOneOrFail({ where: { id: postId }, relations: { author: true } });
    return { ...topic, firstPost: toPostDto(post, caller, { reactions: new Map(), mine: new Map(), bookmarked: new Set() }) };
  }

  /** The author may retitle; staff may also move, pin and lock. */
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
    await this.dataSource.transaction(async (manager) => {
      const changes: Partial<Topic> = {};
      if (dto.title !== undefined) Object.assign(changes, { title: dto.title, slug: slugify(dto.title, 'topic') });
      if (dto.pinned !== undefined) changes.pinned = dto.pinned;
      if (dto.locked !== undefined) changes.locked = dto.locked;
      if (dto.slowModeSeconds !== undefined) changes.slowModeSeconds = dto.slowModeSeconds;
      if (target) {
        // Under the topic's lock, from where it really is: two moves at once must not both count it out of
        // its old category (and the caller's rights were checked on that category, not on a newer one).
        const [row]: { category_id: string; pending_review: boolean }[] = await manager.query(
          'SELECT category_id, pending_review FROM topics WHERE id = $1 FOR UPDATE',
          [topic.id],
        );
        if (row && row.category_id !== target.id) {
          if (row.category_id !== topic.categoryId)
            throw new ConflictError('This topic was moved meanwhile: reload it and move it from there');
          changes.categoryId = target.id;
          if (!row.pending_review) {
            await manager.decrement(Category, { id: topic.categoryId }, 'topicCount', 1);
            await manager.increment(Category, { id: target.id }, 'topicCount', 1);
          }
        }
      }
      if (Object.keys(changes).length > 0) await manager.update(Topic, { id: topic.id }, changes);
    });
    this.events.publish('TopicUpdated', {
      topicId: topic.id,
      categoryId: target?.id ?? topic.categoryId,
      previousCategoryId: topic.categoryId,
    });
    const staffActions = [
      ...(dto.pinned !== undefined && dto.pinned !== topic.pinned ? [dto.pinned ? 'topic.pin' : 'topic.unpin'] : []),
      ...(dto.locked !== undefined && dto.locked !== topic.locked ? [dto.locked ? 'topic.lock' : 'topic.unlock'] : []),
      ...(target ? ['topic.move'] : []),
      ...(dto.slowModeSeconds !== undefined && dto.slowModeSeconds !== topic.slowModeSeconds ? ['topic.slow_mode'] : []),
    ];
    for (const action of staffActions) {
      this.events.publish('StaffActed', { actorId: caller.userId, action, targetType: 'topic', targetId: topic.id });
    }
    return this.get(caller, id);
  }

  private topics(): SelectQueryBuilder<Topic> {
    return this.dataSource.getRepository(Topic).createQueryBuilder('topic').innerJoinAndSelect('topic.author', 'author');
  }

  private async page(
    caller: Caller | null,
    builder: SelectQueryBuilder<Topic>,
    query: { cursor?: string; limit?: number },
    pinnedFirst: boolean,
  ): Promise<PageDto<TopicDto>> {
    const limit = query.limit ?? 20;
    const after = decodeTopicCursor(query.cursor);
    if (pinnedFirst) {
      builder.orderBy('topic.pinned', 'DESC');
      if (after) {
        builder.andWhere('(topic.pinned::int, topic.lastPostAt, topic.id) < (:p, :at, :id)', {
          p: after.pinned ? 1 : 0,
          at: after.at,
          id: after.id,
        });
      }
    } else if (after) {
      builder.andWhere('(topic.lastPostAt, topic.id) < (:at, :id)', { at: after.at, id: after.id });
    }
    const rows = await builder
      .addOrderBy('topic.lastPostAt', 'DESC')
      .addOrderBy('topic.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const states = await this.memberStates(
      caller,
      page.map((topic) => topic.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((topic) => toTopicDto(topic, caller ? (states.get(topic.id) ?? {}) : null)),
      nextCursor:
        rows.length > limit && last
          ? encodeTopicCursor({ pinned: pinnedFirst && last.pinned, at: last.lastPostAt.toISOString(), id: last.id })
          : null,
    };
  }

  /** Read positions and notification levels of one member for a page of topics, in one query. */
  private async memberStates(caller: Caller | null, topicIds: string[]): Promise<Map<string, TopicMemberState>> {
    const states = new Map<string, TopicMemberState>();
    if (!caller || topicIds.length === 0) return states;
    const rows: { id: string; last_read_number: number | null; level: NotificationLevel | null }[] = await this.dataSource.query(
      `SELECT t.id, r.last_read_number, l.level FROM unnest($1::uuid[]) AS t(id)
       LEFT JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = $2
       LEFT JOIN topic_notification_levels l ON l.topic_id = t.id AND l.user_id = $2`,
      [topicIds, caller.userId],
    );
    for (const row of rows) states.set(row.id, { lastReadNumber: row.last_read_number ?? 0, level: row.level ?? 'normal' });
    return states;
  }
}
