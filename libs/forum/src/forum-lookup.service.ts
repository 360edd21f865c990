import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller, type CategoryRef, type SiteRules } from '@harbour/access';
import { InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import { SettingsService } from '@harbour/settings';
import { Category } from './category.entity';
import { Post } from './post.entity';
import { readTopic } from './hot-reads';
import type { Topic } from './topic.entity';

/**
 * Loads one category, topic or post together with what access needs, in one query, and answers the same
 * 404 whether it does not exist or the caller may not see it.
 */
@Injectable()
export class ForumLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async site(): Promise<SiteRules> {
    return this.settings.accessRules();
  }

  async category(caller: Caller | null, id: string): Promise<{ category: Category; site: SiteRules }> {
    const site = await this.site();
    const category = isUuid(id) ? await this.dataSource.getRepository(Category).findOneBy({ id }) : null;
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
    const topic = isUuid(id) ? await readTopic(this.dataSource, id) : null;
    if (!topic?.category || !this.access.can(caller, { action: 'category.see', category: topic.category, site })) throw new NotFoundError();
    if (topic.pendingReview && !this.access.can(caller, { action: 'held.see', category: topic.category, authorId: topic.authorId })) {
      throw new NotFoundError();
    }
    return { topic, category: topic.category, site };
  }

  /** What access needs about the categories of several topics, for re-checking who may stay in their socket rooms. */
  async categoriesOfTopics(topicIds: string[]): Promise<Map<string, CategoryRef>> {
    if (topicIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      {
        topic_id: string;
        group_id: string | null;
        shared_group_ids: string[];
        see: CategoryRef['seeAccess'];
        start: CategoryRef['startAccess'];
        reply: CategoryRef['replyAccess'];
      }[]
    >(
      `SELECT t.id AS topic_id, c.group_id, c.shared_group_ids, c.see_access AS see, c.start_access AS start, c.reply_access AS reply
         FROM topics t JOIN categories c ON c.id = t.category_id WHERE t.id = ANY($1)`,
      [topicIds],
    );
    return new Map(
      rows.map((row) => [
        row.topic_id,
        { groupId: row.group_id, sharedGroupIds: row.shared_group_ids, seeAccess: row.see, startAccess: row.start, replyAccess: row.reply },
      ]),
    );
  }

  async post(caller: Caller | null, id: string): Promise<{ post: Post; topic: Topic; category: Category; site: SiteRules }> {
    const site = await this.site();
    const post = isUuid(id)
      ? await this.dataSource
          .getRepository(Post)
          .createQueryBuilder('post')
          .innerJoinAndSelect('post.topic', 'topic')
          .innerJoinAndSelect('topic.category', 'category')
          .innerJoinAndSelect('post.author', 'author')
          .where('post.id = :id', { id })
          .getOne()
      : null;
    const category = post?.topic?.category;
    if (!post?.topic || !category || !this.access.can(caller, { action: 'category.see', category, site })) throw new NotFoundError();
    if (post.pendingReview && !this.access.can(caller, { action: 'held.see', category, authorId: post.authorId }))
      throw new NotFoundError();
    return { post, topic: post.topic, category, site };
  }
}
