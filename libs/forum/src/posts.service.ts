import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessService, isStaff, type Caller } from '@harbour/access';
import { ConflictError, DomainEvents, InvalidInputError, isUuid, NotFoundError, RateLimitedError, RuleRefusedError } from '@harbour/common';
import { REACTION_EMOJI, type PageDto, type PostDto, type RevisionDto } from '@harbour/contracts';
import { User } from '@harbour/accounts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { ForumLookup } from './forum-lookup.service';
import { readTopicPage, readViewerMarks } from './hot-reads';
import { TopicPageCache } from './topic-page.cache';
import { toPostDto } from './forum.mappers';
import type { CreatePostDto, UpdatePostDto } from './forum.dtos';
import { Post } from './post.entity';
import { PostExtrasLoader } from './post-extras.loader';
import { PostRevision } from './post-revision.entity';
import { PostWriter } from './post-writer';
import { decodePostCursor, encodePostCursor } from './topic-cursor';

@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly writer: PostWriter,
    private readonly extras: PostExtrasLoader,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly pageCache: TopicPageCache,
  ) {}

  /** A page of a topic's posts in reading order: at most two queries (the page, the reader's marks), whatever its size. */
  async listInTopic(
    caller: Caller | null,
    topicId: string,
    query: { cursor?: string; limit?: number; after?: number },
  ): Promise<PageDto<PostDto>> {
    const limit = query.limit ?? 20;
    const after = query.after ?? decodePostCursor(query.cursor);
    const page = isUuid(topicId)
      ? await this.pageCache.read(topicId, after, limit + 1, () => readTopicPage(this.dataSource, topicId, after, limit + 1))
      : null;
    const category = page?.topic?.category;
    if (!page || !category || !this.access.can(caller, { action: 'category.see', category, site: await this.lookup.site() })) {
      throw new NotFoundError();
    }
    const seesHeld = (authorId: string) => this.access.can(caller, { action: 'held.see', category, authorId });
    if (page.topic?.pendingReview && !seesHeld(page.topic.authorId)) throw new NotFoundError();
    // A post held for review does not exist for others: not even a placeholder says something is waiting.
    // Held replies have no number yet and come with the last page only (see readTopicPage).
    const numbered = page.posts.filter((post) => post.number !== null);
    const more = numbered.length > limit;
    const slice = more ? numbered.slice(0, limit) : page.posts;
    const last = slice[slice.length - 1]; // the cursor moves past held posts too
    const posts = slice.filter((post) => !post.pendingReview || seesHeld(post.authorId));
    const marks =
      caller && page.markers.has(caller.userId)
        ? await readViewerMarks(
            this.dataSource,
            caller.userId,
            posts.map((post) => post.id),
          )
        : { mine: new Map<string, string[]>(), bookmarked: new Set<string>() };
    const extras = { reactions: page.reactions, ...marks };
    return {
      items: posts.map((post) => toPostDto(post, caller, extras)),
      nextCursor: more && last?.number ? encodePostCursor(last.number) : null,
    };
  }

  /**
   * Posts as every reader in their topic's socket room may see them (they all passed the topic's access
   * check): no reader's own marks, and a hidden post blanked (as toPostDto blanks it for a visitor), so
   * that hiding one takes its words off every open page at once.
   */
  async viewsForRoom(ids: string[]): Promise<Map<string, PostDto>> {
    if (ids.length === 0) return new Map();
    // One query for the posts and their authors (a findOne with relations would cost two).
    const posts = await this.dataSource
      .getRepository(Post)
      .createQueryBuilder('post')
      .innerJoinAndSelect('post.author', 'author')
      .where('post.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .andWhere('NOT post.pending_review')
      .getMany();
    const extras = await this.extras.load(
      null,
      posts.map((post) => post.id),
    );
    return new Map(posts.map((post) => [post.id, toPostDto(post, null, extras)]));
  }

  async get(caller: Caller | null, id: string): Promise<PostDto> {
    const { post } = await this.lookup.post(caller, id);
    return toPostDto(post, caller, await this.extras.load(caller, [post.id]));
  }

  async reply(caller: Caller, topicId: string, dto: CreatePostDto): Promise<PostDto> {
    const { topic, category, site } = await this.lookup.topic(caller, topicId);
    this.access.assertCan(caller, { action: 'post.reply', category, site });
    if (topic.locked && !isStaff(caller)) throw new RuleRefusedError('This topic is locked: it takes no new replies');
    if (dto.parentId) {
      const parent = await this.dataSource.getRepository(Post).findOneBy({ id: dto.parentId, topicId: topic.id });
      if (!parent) throw new InvalidInputError('parentId must be a post of this topic');
    }
    await this.assertQuotable(caller, dto.quotes ?? []);
    if (!isStaff(caller)) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('post', caller.userId, rateLimits.postsPerMinute, 60);
    }
    // Slow mode binds everyone but those who moderate the topic: the member's last post here must be N
    // seconds old, and the counter stops two replies sent at once from both passing that check.
    if (topic.slowModeSeconds > 0 && !this.access.can(caller, { action: 'topic.moderate', category, site })) {
      const [last]: { age: number }[] = await this.dataSource.query(
        `SELECT extract(epoch FROM now() - max(created_at))::float AS age FROM posts WHERE topic_id = $1 AND author_id = $2 HAVING max(created_at) IS NOT NULL`,
        [topic.id, caller.userId],
      );
      if (last && last.age < topic.slowModeSeconds) throw new RateLimitedError(Math.ceil(topic.slowModeSeconds - last.age));
      await this.limiter.consume('slow', `${topic.id}:${caller.userId}`, 1, topic.slowModeSeconds);
    }
    const prepared = await this.writer.prepare(dto.body, { author: { id: caller.userId, staff: isStaff(caller) } });
    const { post, mentionedUserIds } = await this.dataSource.transaction((manager) =>
      this.writer.append(manager, {
        topicId: topic.id,
        first: false,
        authorId: caller.userId,
        parentId: dto.parentId ?? null,
        contentWarning: dto.contentWarning ?? null,
        authorLocale: caller.locale,
        prepared,
      }),
    );
    this.events.publish('PostCreated', {
      postId: post.id,
      topicId: topic.id,
      authorId: caller.userId,
      parentId: post.parentId,
      mentionedUserIds,
      quotedPostIds: [...new Set(dto.quotes ?? [])],
      firstPost: false,
    });
    // A new post has no reactions or bookmarks: answer from what was written rather than reading it all back.
    post.author = await this.dataSource.getRepository(User).findOneByOrFail({ id: caller.userId });
    return toPostDto(post, caller, { reactions: new Map(), mine: new Map(), bookmarked: new Set() });
  }

  /**
   * Edits keep the previous body as a revision that names its editor. The post's row is locked for the
   * edit, so the revision kept is the body really replaced (concurrent edits queue, none is lost); with
   * `baseRevision`, an edit made from an older version is refused (409) rather than replacing words its
   * editor never saw. Only author and staff set `wiki`.
   */
  async update(caller: Caller, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    this.access.assertCan(caller, { action: 'post.edit', category, site, post: ref });
    if (dto.wiki !== undefined && post.authorId !== caller.userId && !isStaff(caller)) {
      throw new InvalidInputError('wiki can be changed by the author or staff only');
    }
    const prepared = typeof dto.body === 'string' ? await this.writer.prepare(dto.body, { author: null }) : null;
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Post, { where: { id: post.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError();
      const changes: Partial<Post> = {};
      if (prepared && prepared.body !== current.body) {
        if (typeof dto.baseRevision === 'number' && dto.baseRevision !== current.revision) {
          throw new ConflictError(
            `baseRevision ${dto.baseRevision} is stale: the post was edited since and is now at revision ${current.revision}; reload it and edit from there`,
          );
        }
        await manager.insert(PostRevision, { postId: post.id, body: current.body, editorId: caller.userId, editedAt: new Date() });
        await this.writer.rewrite(manager, current, prepared);
        const { body, html, language } = current;
        Object.assign(changes, { body, html, language, editedAt: new Date(), revision: current.revision + 1 });
      }
      if (dto.wiki !== undefined) changes.wiki = dto.wiki;
      if (Object.keys(changes).length > 0) await manager.update(Post, { id: post.id }, changes);
    });
    this.events.publish('PostUpdated', { postId: post.id, topicId: post.topicId, editorId: caller.userId });
    if (post.authorId !== caller.userId && !post.wiki) {
      this.events.publish('StaffActed', { actorId: caller.userId, action: 'post.edit', targetType: 'post', targetId: post.id });
    }
    return this.get(caller, id);
  }

  /**
   * Earlier bodies, newest first. A deleted or hidden post's history is for staff (and a hidden post's
   * author). Each says who edited by standing. A moderator's edit does not name them ("edited by a
   * moderator": they are harassed elsewhere), except to staff and the space's moderators.
   */
  async revisions(caller: Caller | null, id: string): Promise<{ items: RevisionDto[] }> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const mayRead = isStaff(caller) || (post.deletedAt === null && (!post.hidden || caller?.userId === post.authorId));
    if (!mayRead) return { items: [] };
    const rows = await this.dataSource.getRepository(PostRevision).find({ where: { postId: post.id }, order: { editedAt: 'DESC' } });
    const moderating = isStaff(caller) || (caller !== null && this.access.can(caller, { action: 'topic.moderate', category, site }));
    const others = [...new Set(rows.map((row) => row.editorId).filter((editorId) => editorId !== post.authorId))];
    // Only a moderator may edit someone else's post, except a wiki, which any member who may reply edits.
    const moderators = post.wiki && others.length > 0 ? await this.moderatorsAmong(others, category.groupId) : new Set(others);
    return {
      items: rows.map((row) => {
        const editedBy = row.editorId === post.authorId ? 'author' : moderators.has(row.editorId) ? 'moderator' : 'member';
        // A member's wiki edit is their own public contribution, named like a post; a moderator's is not.
        const named = editedBy !== 'moderator' || moderating;
        return { body: row.body, editedAt: row.editedAt.toISOString(), editorId: named ? row.editorId : null, editedBy };
      }),
    };
  }

  /** Which of these members moderate a space of this group (or, for a site category, the site). */
  private async moderatorsAmong(userIds: string[], groupId: string | null): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u WHERE u.id = ANY($1::uuid[]) AND (u.role IN ('moderator', 'admin') OR EXISTS (
         SELECT 1 FROM group_members m WHERE m.user_id = u.id AND m.group_id = $2 AND m.role IN ('owner', 'moderator')))`,
      [userIds, groupId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Leaves a tombstone in the thread, so replies keep their place. */
  async delete(caller: Caller, id: string): Promise<void> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    this.access.assertCan(caller, { action: 'post.delete', category, site, post: ref });
    if (post.deletedAt) return;
    await this.dataSource.getRepository(Post).update({ id: post.id }, { deletedAt: new Date() });
    this.events.publish('PostDeleted', { postId: post.id, topicId: post.topicId });
    if (post.authorId !== caller.userId) {
      this.events.publish('StaffActed', { actorId: caller.userId, action: 'post.delete', targetType: 'post', targetId: post.id });
    }
  }

  async react(caller: Caller, id: string, emoji: string, on: boolean): Promise<void> {
    if (!(REACTION_EMOJI as readonly string[]).includes(emoji)) {
      throw new InvalidInputError(`emoji must be one of ${REACTION_EMOJI.join(' ')}`);
    }
    const { post } = await this.lookup.post(caller, id);
    if (post.deletedAt) throw new RuleRefusedError('This post is deleted');
    if (on) {
      await this.dataSource.query('INSERT INTO reactions (post_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        post.id,
        caller.userId,
        emoji,
      ]);
    } else {
      await this.dataSource.query('DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND emoji = $3', [
        post.id,
        caller.userId,
        emoji,
      ]);
    }
    this.events.publish('ReactionsChanged', { postId: post.id, topicId: post.topicId, userId: caller.userId, emoji, on });
  }

  async bookmark(caller: Caller, id: string, on: boolean): Promise<void> {
    const { post } = await this.lookup.post(caller, id);
    if (on) {
      await this.dataSource.query('INSERT INTO bookmarks (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        caller.userId,
        post.id,
      ]);
    } else {
      await this.dataSource.query('DELETE FROM bookmarks WHERE user_id = $1 AND post_id = $2', [caller.userId, post.id]);
    }
    this.events.publish('BookmarksChanged', { postId: post.id, topicId: post.topicId, userId: caller.userId });
  }

  /** The caller's bookmarks, newest first, among posts they may still see. */
  async bookmarks(caller: Caller): Promise<{ items: PostDto[] }> {
    const visible = this.access.visibleCategories(caller, await this.lookup.site(), 'category');
    const rows = await this.dataSource
      .getRepository(Post)
      .createQueryBuilder('post')
      .innerJoinAndSelect('post.author', 'author')
      .innerJoin('post.topic', 'topic')
      .innerJoin('topic.category', 'category')
      .innerJoin('bookmarks', 'bookmark', 'bookmark.post_id = post.id AND bookmark.user_id = :userId', { userId: caller.userId })
      .where(visible.where, visible.params)
      .orderBy('bookmark.created_at', 'DESC')
      // limit, not take: every join here is to-one, and take's distinct subquery cannot order by a raw join.
      .limit(100)
      .getMany();
    const extras = await this.extras.load(
      caller,
      rows.map((post) => post.id),
    );
    return { items: rows.map((post) => toPostDto(post, caller, extras)) };
  }

  /** Quoting a post you cannot see is refused exactly like quoting one that does not exist. */
  private async assertQuotable(caller: Caller, postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    const posts = await this.dataSource.getRepository(Post).find({ where: { id: In(postIds) }, relations: { topic: { category: true } } });
    const site = await this.lookup.site();
    const visible = posts.filter(
      (post) =>
        post.deletedAt === null &&
        post.topic?.category &&
        this.access.can(caller, { action: 'category.see', category: post.topic.category, site }),
    );
    if (visible.length !== new Set(postIds).size) throw new InvalidInputError('quotes must name posts that exist');
  }
}
