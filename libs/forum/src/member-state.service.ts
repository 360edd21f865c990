import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import { InvalidInputError } from '@harbour/common';
import type { NotificationLevel } from '@harbour/contracts';
import { ForumLookup } from './forum-lookup.service';
import { Post } from './post.entity';

/** One member's own state on categories and topics: notification levels and how far they have read. */
@Injectable()
export class MemberStateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: ForumLookup,
  ) {}

  async setCategoryLevel(caller: Caller, categoryId: string, level: NotificationLevel): Promise<void> {
    await this.lookup.category(caller, categoryId);
    await this.saveLevel('category_notification_levels', 'category_id', caller.userId, categoryId, level);
  }

  async setTopicLevel(caller: Caller, topicId: string, level: NotificationLevel): Promise<void> {
    await this.lookup.topic(caller, topicId);
    await this.saveLevel('topic_notification_levels', 'topic_id', caller.userId, topicId, level);
  }

  /** Records reading up to a post; reading never goes backwards. */
  async markRead(caller: Caller, topicId: string, postId: string): Promise<void> {
    const { topic } = await this.lookup.topic(caller, topicId);
    // The id is selected too: TypeORM answers null for a row whose selected columns are all null.
    const post = await this.dataSource
      .getRepository(Post)
      .findOne({ select: { id: true, number: true }, where: { id: postId, topicId: topic.id } });
    if (!post) throw new InvalidInputError('postId must be a post of this topic');
    // A reply held for review has no number yet; it comes after every numbered post, so reading it is
    // reading the whole topic as it is counted now.
    const number = post.number ?? topic.postCount;
    await this.dataSource.query(
      `INSERT INTO topic_reads (user_id, topic_id, last_read_number) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, topic_id) DO UPDATE SET last_read_number = GREATEST(topic_reads.last_read_number, EXCLUDED.last_read_number)`,
      [caller.userId, topic.id, number],
    );
  }

  private async saveLevel(
    table: 'category_notification_levels' | 'topic_notification_levels',
    column: 'category_id' | 'topic_id',
    userId: string,
    id: string,
    level: NotificationLevel,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${table} (user_id, ${column}, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, ${column}) DO UPDATE SET level = EXCLUDED.level`,
      [userId, id, level],
    );
  }
}
