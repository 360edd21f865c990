import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type CategoryRef } from '@harbour/access';
import { MemberCallers } from '@harbour/accounts';
import { DomainEvents, type DomainEventMap } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { NotificationLevel, NotificationType } from '@harbour/contracts';
import { mentionedUsernames } from '@harbour/forum';
import { JobQueue } from '@harbour/jobs';
import { SettingsService } from '@harbour/settings';
import { NOTIFICATION_EMAIL_JOB } from './notification-mailer';
import { NotificationSettings } from './notification-settings.entity';
import { preferencesOf, wantsEmail, wantsInApp } from './notification-preferences';
import { postRecipients } from './post-recipients';

/** A notification about to be stored for one member. */
interface Draft {
  userId: string;
  type: NotificationType;
  actorId: string;
  topicId?: string;
  postId?: string;
  groupId?: string;
  emoji?: string;
  /** Drafts with the same key gather into the member's one unread notification of that key. */
  groupKey?: string;
}

interface PostContext extends CategoryRef {
  authorId: string;
  topicId: string;
  topicAuthorId: string;
  categoryId: string;
  parentAuthorId: string | null;
  /** Hidden or deleted by the time the listener runs: nobody is told of it. */
  gone: boolean;
  html: string;
}

/** A larger group is not paged by one @mention: its members can watch its spaces instead. */
const GROUP_MENTION_LIMIT = 200;

/**
 * Turns domain events into stored notifications, after the writing transaction has committed. A member
 * is never told of their own act, of anything in a space they may not see (checked with the access
 * module, as the member), or of a type they turned off. Notifications that pile up are gathered.
 * Each stored notification that the member also wants by email gets a delayed email job in the same
 * transaction; the live push follows the NotificationsCreated event.
 */
@Injectable()
export class NotificationFanout implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly members: MemberCallers,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('PostCreated', (event) => this.postCreated(event));
    this.events.on('ReactionsChanged', (event) => (event.on ? this.reacted(event) : undefined));
    this.events.on('GroupInvited', (event) =>
      this.deliver([{ userId: event.userId, type: 'group_invitation', actorId: event.invitedById, groupId: event.groupId }], null),
    );
    this.events.on('GroupJoinRequested', (event) => this.joinRequested(event));
  }

  private async postCreated(event: DomainEventMap['PostCreated']): Promise<void> {
    const post = await this.postContext(event.postId);
    if (!post || post.gone) return;
    const quoted: { author_id: string }[] =
      event.quotedPostIds.length > 0
        ? await this.dataSource.query('SELECT DISTINCT author_id FROM posts WHERE id = ANY($1::uuid[])', [event.quotedPostIds])
        : [];
    const recipients = postRecipients({
      authorId: event.authorId,
      firstPost: event.firstPost,
      mentionedUserIds: [...event.mentionedUserIds, ...(await this.groupMentions(post.html, event.authorId))],
      quotedAuthorIds: quoted.map((row) => row.author_id),
      repliedToId: post.parentAuthorId ?? (event.firstPost ? null : post.topicAuthorId),
      levels: await this.levels(post.topicId, post.categoryId),
    });
    const drafts = [...recipients].map(([userId, type]): Draft => ({
      userId,
      type,
      actorId: event.authorId,
      topicId: post.topicId,
      postId: event.postId,
      ...(type === 'watched_topic_post' ? { groupKey: `topic:${post.topicId}` } : {}),
    }));
    await this.deliver(drafts, post);
  }

  /**
   * The members of the groups a post @mentions by slug, when its author belongs to that group (a stranger
   * cannot page a group). Whether each member may see the post is checked with everyone else's.
   */
  private async groupMentions(html: string, authorId: string): Promise<string[]> {
    const names = mentionedUsernames(html);
    if (names.length === 0) return [];
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT m.user_id FROM groups g JOIN group_members m ON m.group_id = g.id
        WHERE g.slug = ANY($1::text[]) AND g.member_count <= $3
          AND EXISTS (SELECT 1 FROM group_members a WHERE a.group_id = g.id AND a.user_id = $2)`,
      [names, authorId, GROUP_MENTION_LIMIT],
    );
    return rows.map((row) => row.user_id);
  }

  private async reacted(event: DomainEventMap['ReactionsChanged']): Promise<void> {
    const post = await this.postContext(event.postId);
    if (!post || post.gone || post.authorId === event.userId) return;
    await this.deliver(
      [
        {
          userId: post.authorId,
          type: 'reaction',
          actorId: event.userId,
          topicId: post.topicId,
          postId: event.postId,
          emoji: event.emoji,
          groupKey: `reaction:${event.postId}`,
        },
      ],
      post,
    );
  }

  private async joinRequested(event: DomainEventMap['GroupJoinRequested']): Promise<void> {
    const managers: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM group_members WHERE group_id = $1 AND role IN ('owner', 'moderator')`,
      [event.groupId],
    );
    await this.deliver(
      managers.map((row) => ({
        userId: row.user_id,
        type: 'group_join_request',
        actorId: event.userId,
        groupId: event.groupId,
        groupKey: `join:${event.groupId}`,
      })),
      null,
    );
  }

  /**
   * Stores the drafts that pass: an active member, who may see `space` (when the notification is about
   * one), and who wants this type somewhere. One transaction for the rows and their email jobs.
   */
  private async deliver(drafts: Draft[], space: CategoryRef | null): Promise<void> {
    const others = drafts.filter((draft) => draft.userId !== draft.actorId);
    if (others.length === 0) return;
    const callers = await this.members.load(others.map((draft) => draft.userId));
    const site = await this.settings.accessRules();
    const allowed = others.filter((draft) => {
      const caller = callers.get(draft.userId);
      return caller !== undefined && (space === null || this.access.can(caller, { action: 'category.see', category: space, site }));
    });
    if (allowed.length === 0) return;
    const settings = await this.dataSource
      .getRepository(NotificationSettings)
      .createQueryBuilder('s')
      .where('s.user_id = ANY(CAST(:ids AS uuid[]))', { ids: allowed.map((draft) => draft.userId) })
      .getMany();
    const preferences = new Map(settings.map((row) => [row.userId, preferencesOf(row)]));
    const wanted = allowed
      .map((draft) => ({ draft, delivery: (preferences.get(draft.userId) ?? preferencesOf(null)).deliveries[draft.type] }))
      .filter(({ delivery }) => delivery !== 'none');
    if (wanted.length === 0) return;

    const stored = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; user_id: string; in_app: boolean; inserted: boolean }[] = await manager.query(
        `INSERT INTO notifications (user_id, type, actor_id, topic_id, post_id, group_id, data, group_key, in_app)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::varchar[], $9::boolean[])
         ON CONFLICT (user_id, group_key) WHERE read_at IS NULL
         DO UPDATE SET count = notifications.count + 1, actor_id = EXCLUDED.actor_id, data = EXCLUDED.data,
                       in_app = EXCLUDED.in_app, created_at = now()
         RETURNING id, user_id, in_app, (xmax = 0) AS inserted`,
        [
          wanted.map(({ draft }) => draft.userId),
          wanted.map(({ draft }) => draft.type),
          wanted.map(({ draft }) => draft.actorId),
          wanted.map(({ draft }) => draft.topicId ?? null),
          wanted.map(({ draft }) => draft.postId ?? null),
          wanted.map(({ draft }) => draft.groupId ?? null),
          wanted.map(({ draft }) => JSON.stringify(draft.emoji ? { emoji: draft.emoji } : {})),
          wanted.map(({ draft }) => draft.groupKey ?? null),
          wanted.map(({ delivery }) => wantsInApp(delivery)),
        ],
      );
      const emailed = new Set(wanted.filter(({ delivery }) => wantsEmail(delivery)).map(({ draft }) => draft.userId));
      // A regrouped notification already has its email job waiting (or sent): one email per notification.
      for (const row of rows) {
        if (row.inserted && emailed.has(row.user_id)) {
          await this.jobs.send(
            NOTIFICATION_EMAIL_JOB,
            { notificationId: row.id },
            { manager, startAfter: this.config.notificationEmailDelaySeconds },
          );
        }
      }
      return rows;
    });
    const live = stored.filter((row) => row.in_app).map((row) => ({ id: row.id, userId: row.user_id }));
    if (live.length > 0) this.events.publish('NotificationsCreated', { items: live });
  }

  private async postContext(postId: string): Promise<PostContext | null> {
    const rows: {
      author_id: string;
      gone: boolean;
      html: string;
      topic_id: string;
      topic_author_id: string;
      category_id: string;
      parent_author_id: string | null;
      group_id: string | null;
      shared_group_ids: string[];
      see_access: CategoryRef['seeAccess'];
      start_access: CategoryRef['startAccess'];
      reply_access: CategoryRef['replyAccess'];
    }[] = await this.dataSource.query(
      `SELECT p.author_id, (p.hidden OR p.deleted_at IS NOT NULL) AS gone, p.html, t.id AS topic_id, t.author_id AS topic_author_id,
              t.category_id, parent.author_id AS parent_author_id,
              c.group_id, c.shared_group_ids, c.see_access, c.start_access, c.reply_access
         FROM posts p JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
         LEFT JOIN posts parent ON parent.id = p.parent_id
        WHERE p.id = $1`,
      [postId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      authorId: row.author_id,
      gone: row.gone,
      html: row.html,
      topicId: row.topic_id,
      topicAuthorId: row.topic_author_id,
      categoryId: row.category_id,
      parentAuthorId: row.parent_author_id,
      groupId: row.group_id,
      sharedGroupIds: row.shared_group_ids,
      seeAccess: row.see_access,
      startAccess: row.start_access,
      replyAccess: row.reply_access,
    };
  }

  /** Each member's level for a topic: their topic level, else their level on its category. */
  private async levels(topicId: string, categoryId: string): Promise<Map<string, NotificationLevel>> {
    const rows: { user_id: string; level: NotificationLevel; on_topic: boolean }[] = await this.dataSource.query(
      `SELECT user_id, level, true AS on_topic FROM topic_notification_levels WHERE topic_id = $1
       UNION ALL
       SELECT user_id, level, false FROM category_notification_levels WHERE category_id = $2`,
      [topicId, categoryId],
    );
    const levels = new Map<string, NotificationLevel>();
    for (const row of rows) if (row.on_topic || !levels.has(row.user_id)) levels.set(row.user_id, row.level);
    return levels;
  }
}
