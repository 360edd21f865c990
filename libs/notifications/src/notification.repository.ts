import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { emailWorks, joinUser, notBlockedBy, userColumns, userContactColumns, type UserColumnsRow } from '@harbour/accounts';
import type { Locale, NotificationType } from '@harbour/contracts';
import { joinCategory, joinPost, joinTopic, type TopicMove } from '@harbour/forum';
import { joinConversation, joinOwnParticipation } from '@harbour/conversations';
import { joinGroup } from '@harbour/groups';

/** A notification as the list shows it, with what it points at (read after the access check). */
export interface NotificationRow extends Partial<UserColumnsRow<'actor_'>> {
  id: string;
  type: NotificationType;
  created_at: Date;
  read_at: Date | null;
  count: number;
  data: { emoji?: string; outcome?: string; sanctionId?: string; response?: string; reason?: string };
  topic_id: string | null;
  post_id: string | null;
  group_id: string | null;
  topic_title: string | null;
  content_warning: string | null;
  group_name: string | null;
  group_slug: string | null;
  conversation_id: string | null;
  conversation_subject: string | null;
}

/** One notification to store, or to gather into the member's unread one of the same `groupKey`. */
export interface NewNotification {
  userId: string;
  type: NotificationType;
  actorId: string | null;
  topicId: string | null;
  postId: string | null;
  groupId: string | null;
  conversationId: string | null;
  data: Record<string, string>;
  groupKey: string | null;
  inApp: boolean;
  count: number;
}

/** Which notifications of a member to read: a condition on the category alias `category` (the access scope). */
export interface ListScope {
  recipientId: string;
  visibleCategories: { where: string; params: Record<string, unknown> };
  /** The conversations the member is in: a condition over `conv` and their own participant row `convme`. */
  visibleConversations: { where: string; params: Record<string, unknown> };
  /** Email-only notifications are kept for their email, never listed. */
  includeEmailOnly?: boolean;
}

/** Notifications: all SQL on `notifications` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Stores the notifications in one statement; one with a `groupKey` the member already has unread raises that
   * one's count and brings it back to the top instead (`inserted` false). The batch must not name one member
   * and key twice (gather them first).
   */
  async store(
    items: NewNotification[],
    manager?: EntityManager,
  ): Promise<{ id: string; userId: string; type: NotificationType; inApp: boolean; inserted: boolean }[]> {
    const rows: { id: string; user_id: string; type: NotificationType; in_app: boolean; inserted: boolean }[] = await this.db(
      manager,
    ).query(
      `INSERT INTO notifications (user_id, type, actor_id, topic_id, post_id, group_id, data, group_key, in_app, count, conversation_id)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::varchar[],
                            $9::boolean[], $10::int[], $11::uuid[])
       ON CONFLICT (user_id, group_key) WHERE read_at IS NULL
       DO UPDATE SET count = notifications.count + EXCLUDED.count, actor_id = EXCLUDED.actor_id, data = EXCLUDED.data,
                     in_app = EXCLUDED.in_app, created_at = now()
       RETURNING id, user_id, type, in_app, (xmax = 0) AS inserted`,
      [
        items.map((item) => item.userId),
        items.map((item) => item.type),
        items.map((item) => item.actorId),
        items.map((item) => item.topicId),
        items.map((item) => item.postId),
        items.map((item) => item.groupId),
        items.map((item) => JSON.stringify(item.data)),
        items.map((item) => item.groupKey),
        items.map((item) => item.inApp),
        items.map((item) => item.count),
        items.map((item) => item.conversationId),
      ],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id, type: row.type, inApp: row.in_app, inserted: row.inserted }));
  }

  /** Marks the member's unread notifications read: the given ids (others' ids match nothing), or all. */
  async markRead(userId: string, ids: string[] | null, manager?: EntityManager): Promise<void> {
    await this.db(manager).query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
  }

  /** Marks the member's unread notifications about a conversation read (they read it there); answers whether any were. */
  async markConversationRead(userId: string, conversationId: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.db().query(
      'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND conversation_id = $2 AND read_at IS NULL RETURNING id',
      [userId, conversationId],
    );
    return count > 0;
  }

  /** What the delayed email of a notification needs to decide, with its member's address and language; null while that address bounces (emailWorks). */
  async emailTarget(
    id: string,
    manager?: EntityManager,
  ): Promise<{
    userId: string;
    type: NotificationType;
    topicId: string | null;
    unread: boolean;
    emailed: boolean;
    email: string;
    locale: Locale;
    discreet: boolean;
  } | null> {
    const rows: {
      user_id: string;
      type: NotificationType;
      topic_id: string | null;
      read_at: Date | null;
      emailed_at: Date | null;
      u_email: string;
      u_locale: Locale;
      u_discreet: boolean;
    }[] = await this.db(manager).query(
      `SELECT n.user_id, n.type, n.topic_id, n.read_at, n.emailed_at, ${userContactColumns('u')}
         FROM notifications n ${joinUser('u', 'n.user_id')} WHERE n.id = $1 AND ${emailWorks('u')}`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          userId: row.user_id,
          type: row.type,
          topicId: row.topic_id,
          unread: row.read_at === null,
          emailed: row.emailed_at !== null,
          email: row.u_email,
          locale: row.u_locale,
          discreet: row.u_discreet,
        }
      : null;
  }

  /** Claims the notification's email: true only for the one caller that marks it, while it is still unread. */
  async markEmailed(id: string, manager?: EntityManager): Promise<boolean> {
    const marked: [unknown[], number] = await this.db(manager).query(
      'UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL AND read_at IS NULL RETURNING id',
      [id],
    );
    return marked[1] > 0;
  }

  /**
   * The member's unread, not yet emailed notifications about a topic (a moderator's notice aside: it is mailed
   * on its own), newest first: what one topic email gathers.
   */
  async topicBatch(userId: string, topicId: string, manager?: EntityManager): Promise<{ id: string; type: NotificationType }[]> {
    return this.db(manager).query(
      `SELECT id, type FROM notifications
        WHERE user_id = $1 AND topic_id = $2 AND read_at IS NULL AND emailed_at IS NULL AND type <> 'moderation'
        ORDER BY created_at DESC, id DESC`,
      [userId, topicId],
    );
  }

  /**
   * How many seconds ago the member's last email about the topic went (null: never), by the database's clock.
   * Inside a transaction it first takes the member's topic-email lock (held until commit), so two jobs coming
   * due together cannot both send.
   */
  async lastTopicEmail(userId: string, topicId: string, manager?: EntityManager): Promise<number | null> {
    if (manager) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 18))', [`${userId}:${topicId}`]);
    const [row]: { ago: number | null }[] = await this.db(manager).query(
      'SELECT EXTRACT(EPOCH FROM clock_timestamp() - max(emailed_at))::float8 AS ago FROM notifications WHERE user_id = $1 AND topic_id = $2',
      [userId, topicId],
    );
    return row?.ago ?? null;
  }

  /** Claims the emails of these notifications, still unread and not yet emailed: the ids it marked. */
  async markEmailedMany(ids: string[], manager: EntityManager): Promise<Set<string>> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      'UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[]) AND emailed_at IS NULL AND read_at IS NULL RETURNING id',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** A page of the member's visible notifications, newest first, after the keyset position. */
  list(
    scope: ListScope,
    query: { after?: { at: string; id: string } | null; limit: number; unread?: boolean; ids?: string[] },
    manager?: EntityManager,
  ): Promise<NotificationRow[]> {
    const conditions = [
      ...(query.unread ? ['n.read_at IS NULL'] : []),
      ...(query.after ? ['(n.created_at, n.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))'] : []),
      ...(query.ids ? ['n.id = ANY(CAST(:ids AS uuid[]))'] : []),
    ];
    return this.visible(
      `n.id, n.type, n.created_at, n.read_at, n.count, n.data, n.topic_id, n.post_id, n.group_id,
       topic.title AS topic_title, post.content_warning, grp.name AS group_name, grp.slug AS group_slug, ${userColumns('actor')},
       n.conversation_id, conv.subject AS conversation_subject`,
      scope,
      conditions,
      { afterAt: query.after?.at, afterId: query.after?.id, ids: query.ids },
      `ORDER BY n.created_at DESC, n.id DESC LIMIT ${Math.max(1, Math.floor(query.limit))}`,
      manager,
    );
  }

  async countUnread(scope: ListScope, manager?: EntityManager): Promise<number> {
    const [row] = await this.visible<{ count: number }>('count(*)::int AS count', scope, ['n.read_at IS NULL'], {}, '', manager);
    return row?.count ?? 0;
  }

  /**
   * The member's notifications joined to what they show, filtered by what the member may see now: the topic's
   * space (the scope, on alias `category`), a post not deleted nor hidden (unless it is their own), and an
   * actor they have not blocked since (a block quiets the list, the count, the digest and a waiting email at
   * once; unblocking brings them back). A moderation notice is the moderators' decision: no block hides it.
   */
  private async visible<T>(
    columns: string,
    scope: ListScope,
    conditions: string[],
    params: Record<string, unknown>,
    tail: string,
    manager?: EntityManager,
  ): Promise<T[]> {
    const sql = `SELECT ${columns}
      FROM notifications n
      ${joinUser('actor', 'n.actor_id', 'LEFT JOIN')}
      ${joinTopic('topic', 'topic.id = n.topic_id', 'LEFT JOIN')}
      ${joinCategory('category', 'category.id = topic.category_id', 'LEFT JOIN')}
      ${joinPost('post', 'post.id = n.post_id', 'LEFT JOIN')}
      ${joinGroup('grp', 'grp.id = n.group_id', 'LEFT JOIN')}
      ${joinConversation('conv', 'conv.id = n.conversation_id', 'LEFT JOIN')}
      ${joinOwnParticipation('convme', 'conv', 'n.user_id')}
     WHERE n.user_id = :recipientId
       AND (n.topic_id IS NULL OR (${scope.visibleCategories.where}))
       AND (n.conversation_id IS NULL OR (${scope.visibleConversations.where}))
       AND (n.post_id IS NULL OR (post.deleted_at IS NULL AND (NOT post.hidden OR post.author_id = :recipientId)))
       AND (n.type = 'moderation' OR n.actor_id IS NULL OR ${notBlockedBy('n.user_id', 'n.actor_id')})
       ${scope.includeEmailOnly ? '' : 'AND n.in_app'}
       ${conditions.map((condition) => `AND ${condition}`).join(' ')}
     ${tail}`;
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, {
      ...scope.visibleCategories.params,
      ...scope.visibleConversations.params,
      ...params,
      recipientId: scope.recipientId,
    });
    return this.db(manager).query(query, values);
  }

  /** Posts changed topic (topic surgery): their notifications, or a merged-away topic's, point at where they are now. */
  async followTopicMove(manager: EntityManager, move: TopicMove): Promise<void> {
    if (move.kind === 'posts') {
      await manager.query('UPDATE notifications SET topic_id = $2 WHERE post_id = ANY($1::uuid[])', [move.postIds, move.toTopicId]);
    } else {
      await manager.query('UPDATE notifications SET topic_id = $2 WHERE topic_id = $1', [move.fromTopicId, move.toTopicId]);
    }
  }
}
