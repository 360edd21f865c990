import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import type { NotificationLevel } from '@harbour/contracts';
import { ForumLookup } from './forum-lookup.service';

/** A member's settings on a category (the topic-level ones live with topics). */
@Injectable()
export class MemberStateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: ForumLookup,
  ) {}

  async setCategoryLevel(caller: Caller, categoryId: string, level: NotificationLevel): Promise<void> {
    await this.lookup.category(caller, categoryId);
    await this.dataSource.query(
      `INSERT INTO category_notification_levels (user_id, category_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, category_id) DO UPDATE SET level = EXCLUDED.level`,
      [caller.userId, categoryId, level],
    );
  }
}
