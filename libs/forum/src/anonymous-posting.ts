import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError } from '@harbour/common';
import type { CategoryAnonymous } from '@harbour/contracts';

/** How a new post is written under its category's anonymity rule. */
export interface Anonymity {
  anonymous: boolean;
  /** Anonymous posts wait in the review queue here (`category.anonymousReview`). */
  held: boolean;
}

/**
 * Anonymous posting (api.md 1.1): whether a new post is anonymous, by its category's rule and the poster's
 * choice, and its label number in the topic ("Anonymous 2"). The author stays on the post's row (so they may
 * edit it, be notified and be sanctioned through it); only the mappers decide that it never leaves the server.
 */
@Injectable()
export class AnonymousPosting {
  constructor(private readonly dataSource: DataSource) {}

  /** `requested`: the body's `anonymous`. A choice the category does not offer is a 400 naming the field. */
  async decide(categoryId: string, requested: boolean | undefined): Promise<Anonymity> {
    const [row] = await this.dataSource.query<{ anonymous: CategoryAnonymous; anonymous_review: boolean }[]>(
      'SELECT anonymous, anonymous_review FROM categories WHERE id = $1',
      [categoryId],
    );
    // Deleted since the request looked it up (a topic started while its category is deleted): a write naming
    // something deleted meanwhile is a 409, as elsewhere.
    if (!row) throw new ConflictError('This category was deleted meanwhile');
    if (row.anonymous === 'off' && requested === true)
      throw new InvalidInputError('anonymous: this category does not take anonymous posts');
    if (row.anonymous === 'required' && requested === false)
      throw new InvalidInputError('anonymous: every post in this category is anonymous');
    const anonymous = row.anonymous === 'required' || (row.anonymous === 'allowed' && requested === true);
    return { anonymous, held: anonymous && row.anonymous_review };
  }

  /**
   * The poster's number in this topic: the one they already have, else the next. Call it under the topic
   * row's lock (PostWriter.append holds it): two new anonymous posters at once then never share a number.
   */
  async numberIn(manager: EntityManager, topicId: string, authorId: string): Promise<number> {
    const [row] = await manager.query<{ number: number }[]>(
      `SELECT coalesce(
         (SELECT anonymous_number FROM posts WHERE topic_id = $1 AND author_id = $2 AND anonymous_number IS NOT NULL LIMIT 1),
         (SELECT coalesce(max(anonymous_number), 0) + 1 FROM posts WHERE topic_id = $1)) AS number`,
      [topicId, authorId],
    );
    if (!row) throw new Error(`No anonymous number for topic ${topicId}`);
    return row.number;
  }

  /**
   * Whether posts in this topic may be anonymous: there nobody is shown typing, or a name seen typing just
   * before an "Anonymous 3" appears would tell who wrote it.
   */
  async mayBeAnonymous(topicId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ anonymous: CategoryAnonymous }[]>(
      'SELECT c.anonymous FROM topics t JOIN categories c ON c.id = t.category_id WHERE t.id = $1',
      [topicId],
    );
    return row !== undefined && row.anonymous !== 'off';
  }
}
