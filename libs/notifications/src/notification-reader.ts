import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { decodeCursor, toPage } from '@harbour/common';
import type { NotificationDto, NotificationType, PageDto, Role } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';

/** A notification row with what its list item shows, read after the access check (see `visible`). */
interface NotificationRow {
  id: string;
  type: NotificationType;
  created_at: Date;
  read_at: Date | null;
  count: number;
  data: { emoji?: string; outcome?: string; sanctionId?: string };
  topic_id: string | null;
  post_id: string | null;
  group_id: string | null;
  topic_title: string | null;
  content_warning: string | null;
  group_name: string | null;
  group_slug: string | null;
  actor_id: string | null;
  actor_username: string | null;
  actor_display_name: string | null;
  actor_role: Role | null;
  actor_created_at: Date | null;
}

/**
 * Reads a member's notifications, for the API, the live pushes and the emails alike. Whatever a
 * notification points at is checked again at read time inside the SQL: a topic in a space the member may
 * no longer see, or a post since deleted or hidden, is not listed, counted or mailed.
 */
@Injectable()
export class NotificationReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
  ) {}

  async page(recipient: Caller, query: { cursor?: string; limit?: number; unread?: boolean }): Promise<PageDto<NotificationDto>> {
    const limit = query.limit ?? 20;
    const after = decodeCursor(query.cursor);
    const builder = await this.visible(recipient);
    if (query.unread) builder.andWhere('n.read_at IS NULL');
    if (after) builder.andWhere('(n.created_at, n.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = await builder
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<NotificationRow>();
    return toPage(rows, limit, (row) => ({ at: row.created_at.toISOString(), id: row.id }), toNotificationDto);
  }

  /** The given notifications of one member that they may still see (a live push, an email). */
  async byIds(recipient: Caller, ids: string[], options: { includeEmailOnly?: boolean } = {}): Promise<NotificationDto[]> {
    if (ids.length === 0) return [];
    const builder = await this.visible(recipient, options.includeEmailOnly);
    const rows = await builder
      .andWhere('n.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('n.created_at', 'DESC')
      .getRawMany<NotificationRow>();
    return rows.map(toNotificationDto);
  }

  async unreadCount(recipient: Caller): Promise<number> {
    const builder = await this.visible(recipient);
    const row = await builder.select('count(*)::int', 'count').andWhere('n.read_at IS NULL').getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }

  /** The member's notifications, joined to what they show, filtered by what the member may see now. */
  private async visible(recipient: Caller, includeEmailOnly = false): Promise<SelectQueryBuilder<object>> {
    const visible = this.access.visibleCategories(recipient, await this.settings.accessRules(), 'category');
    const builder = this.dataSource
      .createQueryBuilder()
      .from('notifications', 'n')
      .leftJoin('users', 'actor', 'actor.id = n.actor_id')
      .leftJoin('topics', 'topic', 'topic.id = n.topic_id')
      .leftJoin('categories', 'category', 'category.id = topic.category_id')
      .leftJoin('posts', 'post', 'post.id = n.post_id')
      .leftJoin('groups', 'grp', 'grp.id = n.group_id')
      .select([
        'n.id AS id',
        'n.type AS type',
        'n.created_at AS created_at',
        'n.read_at AS read_at',
        'n.count AS count',
        'n.data AS data',
        'n.topic_id AS topic_id',
        'n.post_id AS post_id',
        'n.group_id AS group_id',
        'topic.title AS topic_title',
        'post.content_warning AS content_warning',
        'grp.name AS group_name',
        'grp.slug AS group_slug',
        'actor.id AS actor_id',
        'actor.username AS actor_username',
        'actor.display_name AS actor_display_name',
        'actor.role AS actor_role',
        'actor.created_at AS actor_created_at',
      ])
      .where('n.user_id = :recipientId', { recipientId: recipient.userId })
      .andWhere(`(n.topic_id IS NULL OR (${visible.where}))`, visible.params)
      .andWhere('(n.post_id IS NULL OR (post.deleted_at IS NULL AND (NOT post.hidden OR post.author_id = :recipientId)))');
    if (!includeEmailOnly) builder.andWhere('n.in_app');
    return builder;
  }
}

function toNotificationDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    // A moderation decision is the moderators', not one person's: who made it is not shown.
    actor:
      row.type !== 'moderation' && row.actor_id && row.actor_username && row.actor_display_name && row.actor_role && row.actor_created_at
        ? {
            id: row.actor_id,
            username: row.actor_username,
            displayName: row.actor_display_name,
            role: row.actor_role,
            createdAt: row.actor_created_at.toISOString(),
          }
        : null,
    ...(row.topic_id ? { topicId: row.topic_id } : {}),
    ...(row.post_id ? { postId: row.post_id } : {}),
    ...(row.group_id ? { groupId: row.group_id } : {}),
    data: {
      count: row.count,
      ...(row.topic_title ? { topicTitle: row.topic_title } : {}),
      // Wherever a notification shows (list, toast, email, digest), a post's warning stands for its words.
      ...(row.content_warning ? { contentWarning: row.content_warning } : {}),
      ...(row.group_name ? { groupName: row.group_name } : {}),
      ...(row.group_slug ? { groupSlug: row.group_slug } : {}),
      ...(row.data.emoji ? { emoji: row.data.emoji } : {}),
      ...(row.data.outcome ? { outcome: row.data.outcome } : {}),
      ...(row.data.sanctionId ? { sanctionId: row.data.sanctionId } : {}),
    },
  };
}
