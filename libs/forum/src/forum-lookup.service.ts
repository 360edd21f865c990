import { Injectable } from '@nestjs/common';
import { AccessService, type Caller, type SiteRules } from '@harbour/access';
import { InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import { SettingsService } from '@harbour/settings';
import type { Category } from './category.entity';
import { CategoryRepository } from './category.repository';
import type { Post } from './post.entity';
import { PostRepository } from './post.repository';
import type { Topic } from './topic.entity';
import { TopicRepository, type TopicAccessFacts } from './topic.repository';

/**
 * Loads one category, topic or post together with what access needs, in one query, and answers the same
 * 404 whether it does not exist or the caller may not see it.
 */
@Injectable()
export class ForumLookup {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async site(): Promise<SiteRules> {
    return this.settings.accessRules();
  }

  async category(caller: Caller | null, id: string): Promise<{ category: Category; site: SiteRules }> {
    const site = await this.site();
    const category = isUuid(id) ? await this.categories.findById(id) : null;
    if (!category || !this.access.can(caller, { action: 'category.see', category, site })) throw new NotFoundError();
    return { category, site };
  }

  /**
   * A category named in a request body (a new topic's, a move's target): one the caller cannot see is a
   * 400 naming the field, worded exactly as for one that does not exist.
   */
  async categoryNamedInBody(caller: Caller, id: string): Promise<{ category: Category; site: SiteRules }> {
    try {
      return await this.category(caller, id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new InvalidInputError('categoryId does not name a category you can use');
      throw error;
    }
  }

  async topic(caller: Caller | null, id: string): Promise<{ topic: Topic; category: Category; site: SiteRules }> {
    const site = await this.site();
    const topic = isUuid(id) ? await this.topics.findWithCategory(id) : null;
    if (!topic?.category || !this.access.can(caller, { action: 'topic.see', category: topic.category, site, topic }))
      throw new NotFoundError();
    if (topic.pendingReview && !this.access.can(caller, { action: 'held.see', category: topic.category, authorId: topic.authorId })) {
      throw new NotFoundError();
    }
    return { topic, category: topic.category, site };
  }

  /** What access needs about several topics (category, author, held), for re-checking who may stay in their socket rooms. */
  async accessOfTopics(topicIds: string[]): Promise<Map<string, TopicAccessFacts>> {
    return this.topics.accessFacts(topicIds);
  }

  async post(caller: Caller | null, id: string): Promise<{ post: Post; topic: Topic; category: Category; site: SiteRules }> {
    const site = await this.site();
    const post = isUuid(id) ? await this.posts.findWithTopic(id) : null;
    const category = post?.topic?.category;
    if (!post?.topic || !category || !this.access.can(caller, { action: 'topic.see', category, site, topic: post.topic }))
      throw new NotFoundError();
    if (post.pendingReview && !this.access.can(caller, { action: 'held.see', category, authorId: post.authorId }))
      throw new NotFoundError();
    return { post, topic: post.topic, category, site };
  }
}
