import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { MicroBatch, type DomainEventMap } from '@harbour/common';
import type { NotificationLevel } from '@harbour/contracts';
import { mentionedUsernames } from '@harbour/forum';
import { NotificationDelivery, type Draft } from './notification-delivery';
import { NotificationSources } from './notification-sources.repository';
import { postRecipients } from './post-recipients';

/** A larger group is not paged by one @mention: its members can watch its spaces instead. */
const GROUP_MENTION_LIMIT = 200;

/**
 * Tells members of new posts: mentions (of them or of their group), quotes, replies and watched topics and
 * categories, one notification per member per post (see postRecipients). Posts are fanned out in batches of
 * what arrived within 20 ms (MicroBatch): a busy forum then costs a few queries per batch rather than a dozen
 * per post. A post whose batch is lost to a crash is not notified, as with any listener after commit; what
 * is stored is mailed through the durable job queue.
 */
@Injectable()
export class PostNotifications implements OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  constructor(
    private readonly sources: NotificationSources,
    private readonly delivery: NotificationDelivery,
  ) {}

  private readonly batch = new MicroBatch<DomainEventMap['PostCreated']>(
    (events) => this.postsCreated(events),
    (error) => this.logger.error(`Notifying new posts failed: ${error instanceof Error ? error.message : String(error)}`),
    { delayMs: 20, maxItems: 200 },
  );

  add(event: DomainEventMap['PostCreated']): void {
    this.batch.add(event);
  }

  async onModuleDestroy(): Promise<void> {
    await this.batch.drain();
  }

  private async postsCreated(events: DomainEventMap['PostCreated'][]): Promise<void> {
    const contexts = await this.sources.postContexts(events.map((event) => event.postId));
    const live = events.filter((event) => contexts.get(event.postId)?.gone === false);
    if (live.length === 0) return;
    const quotedAuthors = await this.sources.postAuthors([...new Set(live.flatMap((event) => event.quotedPostIds))]);
    // An anonymous poster pages no group: that its members were paged would tell the poster is one of them.
    const groupMembers = await this.groupMentions(
      live.filter((event) => !contexts.get(event.postId)!.anonymous).map((event) => ({ event, html: contexts.get(event.postId)!.html })),
    );
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
        // An anonymous post's author stays unnamed in the notification, its email and its push (api.md 1.1).
        actorId: post.anonymous ? null : event.authorId,
        space: post,
        topicId: post.topicId,
        postId: event.postId,
        ...(type === 'watched_topic_post' ? { groupKey: `topic:${post.topicId}` } : {}),
      }));
    });
    await this.delivery.deliver(drafts);
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
    const rows = await this.sources.groupMembersMentioned(
      [...new Set(named.flatMap(({ names }) => [...names]))],
      [...new Set(named.map(({ event }) => event.authorId))],
      GROUP_MENTION_LIMIT,
    );
    return new Map(
      named.map(({ event, names }) => [
        event.postId,
        rows.filter((row) => names.has(row.slug) && row.authorId === event.authorId).map((row) => row.userId),
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
    const rows = await this.sources.levels(
      [...new Set(posts.map((post) => post.topicId))],
      [...new Set(posts.map((post) => post.categoryId))],
    );
    const byTopic = new Map<string, Map<string, NotificationLevel>>();
    for (const { topicId, categoryId, firstPost } of posts) {
      const levels = new Map<string, NotificationLevel>();
      for (const row of rows) if (row.categoryId === categoryId) levels.set(row.userId, row.level);
      if (!firstPost) for (const row of rows) if (row.topicId === topicId) levels.set(row.userId, row.level);
      byTopic.set(`${topicId}:${firstPost}`, levels);
    }
    return byTopic;
  }
}
