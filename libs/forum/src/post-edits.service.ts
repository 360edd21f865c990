import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import {
  ConflictError,
  DomainEvents,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  RuleRefusedError,
} from '@harbour/common';
import type { PostDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { AnonymousPosting } from './anonymous-posting';
import { ForumLookup } from './forum-lookup.service';
import { PARENT_MOVED } from './post-writer';
import { ForumViews } from './forum-views';
import type { CreatePostDto, UpdatePostDto } from './forum.dtos';
import type { Post } from './post.entity';
import { PostRepository } from './post.repository';
import { PostsService } from './posts.service';
import { PostUploads } from './post-uploads';
import { PostWriter } from './post-writer';

/** Writing posts: replies, edits (with their revisions) and deletions. */
@Injectable()
export class PostEditsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lookup: ForumLookup,
    private readonly views: ForumViews,
    private readonly posts: PostRepository,
    private readonly reading: PostsService,
    private readonly writer: PostWriter,
    private readonly postUploads: PostUploads,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly anonymity: AnonymousPosting,
  ) {}

  /** `viaEmail`: the reply came by email (libs/mail-replies), checked here exactly as one from the web. */
  async reply(caller: Caller, topicId: string, dto: CreatePostDto, origin: { viaEmail?: boolean } = {}): Promise<PostDto> {
    const { topic, category, site } = await this.lookup.topic(caller, topicId);
    if (!this.access.can(caller, { action: 'post.reply', category, site, topic })) {
      // A locked topic is a rule of the topic (422), not a matter of who the caller is (403).
      if (topic.locked && this.access.can(caller, { action: 'post.reply', category, site, topic: { locked: false } })) {
        throw new RuleRefusedError('This topic is locked: it takes no new replies');
      }
      throw new ForbiddenError('You are not allowed to do this');
    }
    if (dto.parentId && !(await this.posts.numberInTopic(dto.parentId, topic.id))) {
      // Split away since the reader saw it: the same 409 as when the split lands while this reply waits on the
      // topic's lock (PostWriter), whichever of the two checks the race reaches.
      if (await this.posts.movedOutOf(dto.parentId, topic.id)) throw new ConflictError(PARENT_MOVED);
      throw new InvalidInputError('parentId must be a post of this topic');
    }
    await this.assertQuotable(caller, dto.quotes ?? []);
    const anonymity = await this.anonymity.decide(category.id, dto.anonymous);
    if (!this.access.can(caller, { action: 'rateLimits.exempt' })) {
      const { rateLimits } = await this.settings.get();
      await this.limiter.consume('post', caller.userId, rateLimits.postsPerMinute, 60);
    }
    // Slow mode binds everyone but those who moderate the topic: the member's last post here must be N
    // seconds old, and the counter stops two replies sent at once from both passing that check.
    if (topic.slowModeSeconds > 0 && !this.access.can(caller, { action: 'topic.moderate', category, site })) {
      const age = await this.posts.secondsSinceLastPost(topic.id, caller.userId);
      if (age !== null && age < topic.slowModeSeconds) throw new RateLimitedError(Math.ceil(topic.slowModeSeconds - age));
      await this.limiter.consume('slow', `${topic.id}:${caller.userId}`, 1, topic.slowModeSeconds);
    }
    const exempt = this.access.can(caller, { action: 'review.exempt' });
    const judged = await this.writer.prepare(dto.body, { author: { id: caller.userId, exempt } });
    // An anonymous post in a reviewed space waits whoever wrote it: a staff post let through would tell.
    const prepared = { ...judged, held: judged.held || anonymity.held };
    const { post, mentionedUserIds } = await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      return this.writer.append(manager, {
        topicId: topic.id,
        first: false,
        authorId: caller.userId,
        parentId: dto.parentId ?? null,
        contentWarning: dto.contentWarning ?? null,
        authorLocale: caller.locale,
        prepared,
        anonymous: anonymity.anonymous,
        viaEmail: origin.viaEmail,
      });
    });
    this.events.publish('PostCreated', {
      postId: post.id,
      topicId: topic.id,
      authorId: caller.userId,
      parentId: post.parentId,
      mentionedUserIds,
      quotedPostIds: [...new Set(dto.quotes ?? [])],
      firstPost: false,
    });
    if (prepared.respondWith) {
      this.events.publish('WatchedWordResponded', {
        wordId: prepared.respondWith,
        userId: caller.userId,
        postId: post.id,
        topicId: topic.id,
      });
    }
    // A new post has no reactions or bookmarks: answer from what was written, with its author read back.
    const [written] = await this.posts.findWithAuthors([post.id], { held: true });
    if (!written) throw new NotFoundError();
    return this.views.post(caller, written, category, site, {
      reactions: new Map(),
      mine: new Map(),
      bookmarked: new Set(),
      blockedAuthors: new Set(),
    });
  }

  /**
   * Edits keep the previous body as a revision that names its editor. The post's row is locked for the
   * edit, so the revision kept is the body really replaced (concurrent edits queue, none is lost); with
   * `baseRevision`, an edit made from an older version is refused (409) rather than replacing words its
   * editor never saw. Only the author and those who moderate the space set `wiki`.
   */
  async update(caller: Caller, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    this.access.assertCan(caller, { action: 'post.edit', category, site, post: ref });
    if (dto.wiki !== undefined && !this.access.can(caller, { action: 'post.setWiki', category, site, post: ref })) {
      throw new InvalidInputError('wiki can be changed by the author or the moderators of this space only');
    }
    const prepared = typeof dto.body === 'string' ? await this.writer.prepare(dto.body, { author: null }) : null;
    await this.dataSource.transaction(async (manager) => {
      await this.writer.holdWriter(manager, caller.userId);
      const current = await this.posts.lockForUpdate(manager, post.id);
      // Deleted meanwhile (by its author, or with its author's account): a tombstone takes no new words.
      if (!current || current.deletedAt !== null) throw new NotFoundError();
      const changes: Partial<Post> = {};
      if (prepared && prepared.body !== current.body) {
        if (typeof dto.baseRevision === 'number' && dto.baseRevision !== current.revision) {
          throw new ConflictError(
            `baseRevision ${dto.baseRevision} is stale: the post was edited since and is now at revision ${current.revision}; reload it and edit from there`,
          );
        }
        await this.posts.addRevision(manager, { postId: post.id, body: current.body, editorId: caller.userId, editedAt: new Date() });
        await this.writer.rewrite(manager, current, prepared);
        const { body, html, language } = current;
        Object.assign(changes, { body, html, language, editedAt: new Date(), revision: current.revision + 1 });
      }
      if (dto.wiki !== undefined) changes.wiki = dto.wiki;
      await this.posts.update(manager, post.id, changes);
      if (post.authorId !== caller.userId && !post.wiki) {
        await audit(manager, { actorId: caller.userId, action: 'post.edit', targetType: 'post', targetId: post.id });
      }
    });
    this.events.publish('PostUpdated', { postId: post.id, topicId: post.topicId, editorId: caller.userId });
    return this.reading.get(caller, id);
  }

  /** Leaves a tombstone in the thread, so replies keep their place. */
  async delete(caller: Caller, id: string): Promise<void> {
    const { post, category, site } = await this.lookup.post(caller, id);
    const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
    this.access.assertCan(caller, { action: 'post.delete', category, site, post: ref });
    if (post.deletedAt) return;
    const deleted = await this.dataSource.transaction(async (manager) => {
      if (!(await this.posts.markDeleted(post.id, manager))) return false;
      await this.postUploads.release(manager, post.id);
      if (post.authorId !== caller.userId) {
        await audit(manager, { actorId: caller.userId, action: 'post.delete', targetType: 'post', targetId: post.id });
      }
      return true;
    });
    if (deleted) this.events.publish('PostDeleted', { postId: post.id, topicId: post.topicId });
  }

  /** Quoting a post you cannot see is refused exactly like quoting one that does not exist. */
  private async assertQuotable(caller: Caller, postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    const posts = await this.posts.findWithCategories(postIds);
    const site = await this.lookup.site();
    const quotable = posts.filter((post) => {
      const category = post.topic?.category;
      const ref = { authorId: post.authorId, wiki: post.wiki, deleted: post.deletedAt !== null };
      return (
        category !== undefined &&
        post.topic !== undefined &&
        this.access.can(caller, { action: 'topic.see', category, site, topic: post.topic }) &&
        this.access.can(caller, { action: 'post.quote', category, site, post: ref })
      );
    });
    if (quotable.length !== new Set(postIds).size) throw new InvalidInputError('quotes must name posts that exist');
  }
}
