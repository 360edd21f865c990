import type { NotificationLevel, NotificationType } from '@harbour/contracts';

/** Who might be told about a new post, and why; access and preferences are checked afterwards. */
export interface PostAudience {
  authorId: string;
  /** The post opens its topic: watchers of the category hear of a new topic, not of a post. */
  firstPost: boolean;
  mentionedUserIds: string[];
  quotedAuthorIds: string[];
  /** The author of the post replied to, or the topic's author for a reply to the topic. */
  repliedToId: string | null;
  /** Each member's level on the topic, else on its category (a topic level overrides the category's). */
  levels: Map<string, NotificationLevel>;
}

/** The most personal reason wins: one notification per member per post. */
const PRIORITY: readonly NotificationType[] = ['mention', 'quote', 'reply', 'watched_category_topic', 'watched_topic_post'];

/**
 * One notification type per member for a new post. The author hears nothing of their own post; a member who
 * muted the topic (or its category) hears nothing of it, not even a mention.
 */
export function postRecipients(audience: PostAudience): Map<string, NotificationType> {
  const reasons = new Map<string, NotificationType[]>();
  const add = (userId: string | null, type: NotificationType) => {
    if (!userId) return;
    reasons.set(userId, [...(reasons.get(userId) ?? []), type]);
  };
  audience.mentionedUserIds.forEach((id) => add(id, 'mention'));
  audience.quotedAuthorIds.forEach((id) => add(id, 'quote'));
  add(audience.repliedToId, 'reply');
  for (const [userId, level] of audience.levels) {
    if (level === 'watching') add(userId, audience.firstPost ? 'watched_category_topic' : 'watched_topic_post');
  }
  const chosen = new Map<string, NotificationType>();
  for (const [userId, types] of reasons) {
    if (userId === audience.authorId || audience.levels.get(userId) === 'muted') continue;
    const best = PRIORITY.find((type) => types.includes(type));
    if (best) chosen.set(userId, best);
  }
  return chosen;
}
