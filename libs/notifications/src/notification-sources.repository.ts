import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CategoryRef } from '@harbour/access';
import type { NotificationLevel } from '@harbour/contracts';
import {
  categoryAccessColumns,
  categoryRefOf,
  groupManagerIds,
  joinCategory,
  joinPost,
  joinTopic,
  mentionableGroupMembers,
  notificationLevels,
} from './owners-pending';

/** A post as the fan-out judges it: who wrote it and what it answers, and the space it is in. */
export interface PostContext extends CategoryRef {
  authorId: string;
  topicId: string;
  topicAuthorId: string;
  categoryId: string;
  parentAuthorId: string | null;
  /** Hidden or deleted by the time the listener runs: nobody is told of it. */
  gone: boolean;
  html: string;
}

/**
 * What notifications are made from: posts, levels and group members, read from the other libs' rows through
 * their owners' SQL fragments and functions (README, "Each lib owns its tables"), each read one statement
 * for a whole batch of posts.
 */
@Injectable()
export class NotificationSources {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async postContexts(postIds: string[], manager?: EntityManager): Promise<Map<string, PostContext>> {
    const rows: ({
      id: string;
      author_id: string;
      gone: boolean;
      html: string;
      topic_id: string;
      topic_author_id: string;
      category_id: string;
      parent_author_id: string | null;
    } & Record<string, unknown>)[] = await this.db(manager).query(
      `SELECT p.id, p.author_id, (p.hidden OR p.deleted_at IS NOT NULL) AS gone, p.html, t.id AS topic_id,
              t.author_id AS topic_author_id, t.category_id, parent.author_id AS parent_author_id, ${categoryAccessColumns('c')}
         FROM unnest($1::uuid[]) AS ids(id)
         ${joinPost('p', 'p.id = ids.id')} ${joinTopic('t', 't.id = p.topic_id')} ${joinCategory('c', 'c.id = t.category_id')}
         ${joinPost('parent', 'parent.id = p.parent_id', 'LEFT JOIN')}`,
      [postIds],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          authorId: row.author_id,
          gone: row.gone,
          html: row.html,
          topicId: row.topic_id,
          topicAuthorId: row.topic_author_id,
          categoryId: row.category_id,
          parentAuthorId: row.parent_author_id,
          ...categoryRefOf(row, 'c'),
        },
      ]),
    );
  }

  /** Each post's author, for the posts quoted by a batch (one query). */
  async postAuthors(postIds: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (postIds.length === 0) return new Map();
    const rows: { id: string; author_id: string }[] = await this.db(manager).query(
      `SELECT p.id, p.author_id FROM unnest($1::uuid[]) AS ids(id) ${joinPost('p', 'p.id = ids.id')}`,
      [postIds],
    );
    return new Map(rows.map((row) => [row.id, row.author_id]));
  }

  /** A post's rendered HTML (the email's excerpt), or null when it is gone. */
  async postHtml(postId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { html: string }[] = await this.db(manager).query(
      `SELECT p.html FROM (SELECT $1::uuid AS id) AS ids ${joinPost('p', 'p.id = ids.id')}`,
      [postId],
    );
    return rows[0]?.html ?? null;
  }

  /** The members' levels on these topics and on these categories (one query). */
  levels(
    topicIds: string[],
    categoryIds: string[],
    manager?: EntityManager,
  ): Promise<{ userId: string; level: NotificationLevel; topicId: string | null; categoryId: string | null }[]> {
    return notificationLevels(this.db(manager), topicIds, categoryIds);
  }

  /** Members of the named groups (up to `maxMembers` strong) that the given authors belong to (one query). */
  groupMembersMentioned(
    slugs: string[],
    authorIds: string[],
    maxMembers: number,
    manager?: EntityManager,
  ): Promise<{ slug: string; authorId: string; userId: string }[]> {
    return mentionableGroupMembers(this.db(manager), slugs, authorIds, maxMembers);
  }

  /** The group's owners and moderators. */
  groupManagers(groupId: string, manager?: EntityManager): Promise<string[]> {
    return groupManagerIds(this.db(manager), groupId);
  }
}
