import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type CategoryRef } from '@harbour/access';
import { MemberCallers } from '@harbour/accounts';
import { DomainEvents, MicroBatch, type DomainEventMap } from '@harbour/common';
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
  /** The space the notification is about: the member must be able to see it. */
  space: CategoryRef | null;
  topicId?: string;
  postId?: string;
  groupId?: string;
  emoji?: string;
  /** Already told by a mail of its own (a sanction): stored for the app, never mailed again. */
  mailedElsewhere?: true;
  /** What a moderation notification says (an outcome, a sanction). */
  data?: Record<string, string>;
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
export class NotificationFanout implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
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
    this.events.on('PostCreated', (event) => this.newPosts.add(event));
    this.events.on('ReactionsChanged', (event) => (event.on ? this.reacted(event) : undefined));
    this.events.on('GroupInvited', (event) =>
      this.deliver([{ userId: event.userId, type: 'group_invitation', actorId: event.invitedById, space: null, groupId: event.groupId }]),
    );
    this.events.on('GroupJoinRequested', (event) => this.joinRequested(event));
    this.events.on('ReportsResolved', (event) => this.reportsResolved(event));
    this.events.on('SanctionApplied', (event) =>
      this.deliver([
        {
          userId: event.userId,
          type: 'moderation',
          actorId: event.actorId,
          space: null,
          data: { sanctionId: event.sanctionId },
          mailedElsewhere: true,
        },
      ]),
    );
  }

  /**
   * The reporters hear the outcome, and the author hears that their post was hidden or removed. Nobody is
   * told who reported, and no actor is shown: a decision is the moderators', not one person's.
   */
  private async reportsResolved(event: DomainEventMap['ReportsResolved']): Promise<void> {
    const post = event.postId ? (await this.postContexts([event.postId])).get(event.postId) : undefined;
    const topicId = event.topicId ?? undefined;
    // Only a post still there for them is linked: the reporters' hidden post is not, nor a deleted one.
    const linked = (visible: boolean) => (visible && event.postId ? { postId: event.postId } : {});
    const drafts: Draft[] = event.reporterIds.map((userId) => ({
      userId,
      type: 'moderation',
      actorId: event.actorId,
      space: post ?? null,
      topicId,
      ...linked(event.outcome === 'dismiss'),
      data: { outcome: event.outcome === 'dismiss' ? 'report_dismissed' : 'report_upheld' },
    }));
    if (event.authorId) {
      drafts.push({
        userId: event.authorId,
        type: 'moderation',
        actorId: event.actorId,
        space: post ?? null,
        topicId,
        ...linked(event.outcome === 'hide' || event.outcome === 'approve'),
        data: { outcome: `post_${event.outcome}` },
      });
    }
    await this.deliver(drafts);
  }

  /**
   * New posts are fanned out in batches (see MicroBatch): a busy forum then costs a few queries per batch
   * rather than a dozen per post. A post whose batch is lost to a crash is not notified, as with any
   * listener after commit; what is stored is mailed through the durable job queue.
   */
  private readonly newPosts = new MicroBatch<DomainEventMap['PostCreated']>(
    (events) => this.postsCreated(events),
    (error) => this.logger.error(`Notifying new posts failed: ${error instanceof Error ? error.message : String(error)}`),
    { delayMs: 20, maxItems: 200 },
  );

  async onModuleDestroy(): Promise<void> {
    await this.newPosts.drain();
  }

  private async postsCreated(events: DomainEventMap['PostCreated'][]): Promise<void> {
    const contexts = await this.postContexts(events.map((event) => event.postId));
    const live = events.filter((event) => contexts.get(event.postId)?.gone === false);
    if (live.length === 0) return;
    const quotedIds = [...new Set(live.flatMap((event) => event.quotedPostIds))];
    const quotedAuthors = new Map<string, string>(
      quotedIds.length === 0
        ? []
        : (
            await this.dataSource.query<{ id: string; author_id: string }[]>('SELECT id, author_id FROM posts WHERE id = ANY($1::uuid[])', [
              quotedIds,
            ])
          ).map((row) => [row.id, row.author_id]),
    );
    const groupMembers = await this.groupMentions(live.map((event) => ({ event, html: contexts.get(event.postId)!.html })));
    const levels = await this.levels(live.map((event) => ({ ...contexts.get(event.postId)!, firstPost: event.firstPost })));
    const drafts = live.flatMap((event) => {
      const post = contexts.get(event.postId)!;
      const recipients = postRecipients({
        authorId: event.authorId,
        firstPost: event.firstPost,
        mentionedUserIds: [...event.mentionedUserIds, ...(groupMembers.get(event.postId) ?? [])],
        quotedAuthorIds: event.quotedPostIds.flatMap((id) => quotedAuthors.get(id) ?? []),
        repliedToId: post.parentAuthorId ?? (event.firstPost ? null : post.topicAuthorId),
        levels: levels.get(`${post.topicId}:${event.firstPost}`) ?? new Map<string, NotificationLevel>(),
      });
      return [...recipients].map(([userId, type]): Draft => ({
        userId,
        type,
        actorId: event.authorId,
        space: post,
        topicId: post.topicId,
        postId: event.postId,
        ...(type === 'watched_topic_post' ? { groupKey: `topic:${post.topicId}` } : {}),
      }));
    });
    await this.deliver(drafts);
  }

  /**
   * For each post, the members of the groups it @mentions by slug, when its author belongs to that group
   * (a stranger cannot page a group). Whether each member may see the post is checked with everyone else's.
   */
  private async groupMentions(posts: { event: DomainEventMap['PostCreated']; html: string }[]): Promise<Map<string, string[]>> {
    const named = posts
      .map(({ event, html }) => ({ event, names: new Set(mentionedUsernames(html)) }))
      .filter(({ names }) => names.size > 0);
    if (named.length === 0) return new Map();
    const rows: { slug: string; author_id: string; user_id: string }[] = await this.dataSource.query(
      `SELECT g.slug, a.user_id AS author_id, m.user_id
         FROM groups g JOIN group_members a ON a.group_id = g.id AND a.user_id = ANY($2::uuid[])
         JOIN group_members m ON m.group_id = g.id
        WHERE g.slug = ANY($1::text[]) AND g.member_count <= $3`,
      [[...new Set(named.flatMap(({ names }) => [...names]))], [...new Set(named.map(({ event }) => event.authorId))], GROUP_MENTION_LIMIT],
    );
    return new Map(
      named.map(({ event, names }) => [
        event.postId,
        rows.filter((row) => names.has(row.slug) && row.author_id === event.authorId).map((row) => row.user_id),
      ]),
    );
  }

  private async reacted(event: DomainEventMap['ReactionsChanged']): Promise<void> {
    const post = (await this.postContexts([event.postId])).get(event.postId);
    if (!post || post.gone || post.authorId === event.userId) return;
    await this.deliver([
      {
        userId: post.authorId,
        type: 'reaction',
        actorId: event.userId,
        space: post,
        topicId: post.topicId,
        postId: event.postId,
        emoji: event.emoji,
        groupKey: `reaction:${event.postId}`,
      },
    ]);
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
        space: null,
        groupId: event.groupId,
        groupKey: `join:${event.groupId}`,
      })),
    );
  }

  /**
   * Stores the drafts that pass: an active member, who may see the draft's space (when it is about one),
   * and who wants this type somewhere. One transaction for the rows and their email jobs.
   */
  private async deliver(drafts: Draft[]): Promise<void> {
    const others = drafts.filter((draft) => draft.userId !== draft.actorId);
    if (others.length === 0) return;
    const callers = await this.members.load(others.map((draft) => draft.userId));
    const site = await this.settings.accessRules();
    const allowed = others.filter((draft) => {
      const caller = callers.get(draft.userId);
      return (
        caller !== undefined && (draft.space === null || this.access.can(caller, { action: 'category.see', category: draft.space, site }))
      );
    });
    if (allowed.length === 0) return;
    const settings = await this.dataSource
      .getRepository(NotificationSettings)
      .createQueryBuilder('s')
      .where('s.user_id = ANY(CAST(:ids AS uuid[]))', { ids: allowed.map((draft) => draft.userId) })
      .getMany();
    const preferences = new Map(settings.map((row) => [row.userId, preferencesOf(row)]));
    const wanted = gathered(allowed)
      .map(({ draft, count }) => ({
        draft,
        count,
        delivery: (preferences.get(draft.userId) ?? preferencesOf(null)).deliveries[draft.type],
      }))
      .filter(({ delivery }) => delivery !== 'none');
    if (wanted.length === 0) return;

    const stored = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; user_id: string; type: NotificationType; in_app: boolean; inserted: boolean }[] = await manager.query(
        `INSERT INTO notifications (user_id, type, actor_id, topic_id, post_id, group_id, data, group_key, in_app, count)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::varchar[],
                              $9::boolean[], $10::int[])
         ON CONFLICT (user_id, group_key) WHERE read_at IS NULL
         DO UPDATE SET count = notifications.count + EXCLUDED.count, actor_id = EXCLUDED.actor_id, data = EXCLUDED.data,
                       in_app = EXCLUDED.in_app, created_at = now()
         RETURNING id, user_id, type, in_app, (xmax = 0) AS inserted`,
        [
          wanted.map(({ draft }) => draft.userId),
          wanted.map(({ draft }) => draft.type),
          wanted.map(({ draft }) => draft.actorId),
          wanted.map(({ draft }) => draft.topicId ?? null),
          wanted.map(({ draft }) => draft.postId ?? null),
          wanted.map(({ draft }) => draft.groupId ?? null),
          wanted.map(({ draft }) => JSON.stringify({ ...draft.data, ...(draft.emoji ? { emoji: draft.emoji } : {}) })),
          wanted.map(({ draft }) => draft.groupKey ?? null),
          wanted.map(({ delivery }) => wantsInApp(delivery)),
          wanted.map(({ count }) => count),
        ],
      );
      const emailed = new Set(
        wanted
          .filter(({ draft, delivery }) => wantsEmail(delivery) && !draft.mailedElsewhere)
          .map(({ draft }) => `${draft.userId}:${draft.type}`),
      );
      // A regrouped notification already has its email job waiting (or sent): one email per notification.
      const mailed = rows.filter((row) => row.inserted && emailed.has(`${row.user_id}:${row.type}`));
      await this.jobs.sendMany(
        NOTIFICATION_EMAIL_JOB,
        mailed.map((row) => ({ notificationId: row.id })),
        { manager, startAfter: this.config.notificationEmailDelaySeconds },
      );
      return rows;
    });
    const live = stored.filter((row) => row.in_app).map((row) => ({ id: row.id, userId: row.user_id }));
    if (live.length > 0) this.events.publish('NotificationsCreated', { items: live });
  }

  private async postContexts(postIds: string[]): Promise<Map<string, PostContext>> {
    const rows: {
      id: string;
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
      `SELECT p.id, p.author_id, (p.hidden OR p.deleted_at IS NOT NULL) AS gone, p.html, t.id AS topic_id, t.author_id AS topic_author_id,
              t.category_id, parent.author_id AS parent_author_id,
              c.group_id, c.shared_group_ids, c.see_access, c.start_access, c.reply_access
         FROM posts p JOIN topics t ON t.id = p.topic_id JOIN categories c ON c.id = t.category_id
         LEFT JOIN posts parent ON parent.id = p.parent_id
        WHERE p.id = ANY($1::uuid[])`,
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
          groupId: row.group_id,
          sharedGroupIds: row.shared_group_ids,
          seeAccess: row.see_access,
          startAccess: row.start_access,
          replyAccess: row.reply_access,
        },
      ]),
    );
  }

  /**
   * For each topic, each member's level on it: their topic level, else their level on its category. A
   * new topic is judged by its category's levels alone: a level set on the topic since (the batch runs a
   * moment later) is about the replies to come, not the topic itself.
   */
  private async levels(
    posts: { topicId: string; categoryId: string; firstPost: boolean }[],
  ): Promise<Map<string, Map<string, NotificationLevel>>> {
    const rows: { user_id: string; level: NotificationLevel; topic_id: string | null; category_id: string | null }[] =
      await this.dataSource.query(
        `SELECT user_id, level, topic_id, NULL AS category_id FROM topic_notification_levels WHERE topic_id = ANY($1::uuid[])
         UNION ALL
         SELECT user_id, level, NULL, category_id FROM category_notification_levels WHERE category_id = ANY($2::uuid[])`,
        [[...new Set(posts.map((post) => post.topicId))], [...new Set(posts.map((post) => post.categoryId))]],
      );
    const byTopic = new Map<string, Map<string, NotificationLevel>>();
    for (const { topicId, categoryId, firstPost } of posts) {
      const levels = new Map<string, NotificationLevel>();
      for (const row of rows) if (row.category_id === categoryId) levels.set(row.user_id, row.level);
      if (!firstPost) for (const row of rows) if (row.topic_id === topicId) levels.set(row.user_id, row.level);
      byTopic.set(`${topicId}:${firstPost}`, levels);
    }
    return byTopic;
  }
}

/**
 * Drafts of one batch with the same member and group key become one, counted: one statement may not
 * gather into the same row twice. The latest draft (newest actor and post) speaks for them.
 */
function gathered(drafts: Draft[]): { draft: Draft; count: number }[] {
  const byKey = new Map<string, { draft: Draft; count: number }>();
  const single: { draft: Draft; count: number }[] = [];
  for (const draft of drafts) {
    if (!draft.groupKey) {
      single.push({ draft, count: 1 });
      continue;
    }
    const key = `${draft.userId}:${draft.groupKey}`;
    byKey.set(key, { draft, count: (byKey.get(key)?.count ?? 0) + 1 });
  }
  return [...single, ...byKey.values()];
}
