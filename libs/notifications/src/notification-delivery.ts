import { Inject, Injectable } from '@nestjs/common';
import { AccessService, type CategoryRef } from '@harbour/access';
import { MemberCallers } from '@harbour/accounts';
import { DomainEvents } from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { NotificationType } from '@harbour/contracts';
import { JobQueue } from '@harbour/jobs';
import { SettingsService } from '@harbour/settings';
import { NOTIFICATION_EMAIL_JOB } from './notification-mailer';
import { preferencesOf, wantsEmail, wantsInApp } from './notification-preferences';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSources } from './notification-sources.repository';
import { NotificationRepository } from './notification.repository';

/** A notification about to be stored for one member. */
export interface Draft {
  userId: string;
  type: NotificationType;
  /** Null: nobody's act (a watched word's notice), or one the recipient must not be told of (a reporter's). */
  actorId: string | null;
  /**
   * The space the notification is about: the member must be able to see it, and the topic of `topicAuthorId`
   * in it (a support desk's topics are their author's and its moderators'; without it, only its moderators').
   */
  space: (CategoryRef & { topicAuthorId?: string }) | null;
  topicId?: string;
  postId?: string;
  groupId?: string;
  /** A `message` notification's conversation (the member must still see it when it is listed or mailed). */
  conversationId?: string;
  emoji?: string;
  /** Already told by a mail of its own (a sanction): stored for the app, never mailed again. */
  mailedElsewhere?: true;
  /** What a moderation notification says (an outcome, a sanction). */
  data?: Record<string, string>;
  /** Drafts with the same key gather into the member's one unread notification of that key. */
  groupKey?: string;
}

/**
 * Stores the drafts that pass: an active member, who may see the draft's space and topic (when it is about one,
 * checked with the access module, as the member), who has not blocked the actor, and who wants this type somewhere;
 * never the actor. One transaction
 * for the rows and their delayed email jobs; the live push follows the NotificationsCreated event.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly settingsRows: NotificationSettingsRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly members: MemberCallers,
    private readonly sources: NotificationSources,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async deliver(drafts: Draft[]): Promise<void> {
    const others = await this.unblocked(drafts.filter((draft) => draft.userId !== draft.actorId));
    if (others.length === 0) return;
    const callers = await this.members.load(others.map((draft) => draft.userId));
    const site = await this.settings.accessRules();
    const allowed = others.filter((draft) => {
      const caller = callers.get(draft.userId);
      return (
        caller !== undefined &&
        (draft.space === null ||
          this.access.can(caller, {
            action: 'topic.see',
            category: draft.space,
            site,
            topic: { authorId: draft.space.topicAuthorId ?? '' },
          }))
      );
    });
    if (allowed.length === 0) return;
    const rows = await this.settingsRows.findMany(allowed.map((draft) => draft.userId));
    const preferences = new Map(rows.map((row) => [row.userId, preferencesOf(row)]));
    const wanted = gathered(allowed)
      .map(({ draft, count }) => ({
        draft,
        count,
        delivery: (preferences.get(draft.userId) ?? preferencesOf(null)).deliveries[draft.type],
      }))
      .filter(({ delivery }) => delivery !== 'none');
    if (wanted.length === 0) return;

    const stored = await this.notifications.transaction(async (manager) => {
      const stored = await this.notifications.store(
        wanted.map(({ draft, count, delivery }) => ({
          userId: draft.userId,
          type: draft.type,
          actorId: draft.actorId,
          topicId: draft.topicId ?? null,
          postId: draft.postId ?? null,
          groupId: draft.groupId ?? null,
          conversationId: draft.conversationId ?? null,
          data: { ...draft.data, ...(draft.emoji ? { emoji: draft.emoji } : {}) },
          groupKey: draft.groupKey ?? null,
          inApp: wantsInApp(delivery),
          count,
        })),
        manager,
      );
      const emailed = new Set(
        wanted
          .filter(({ draft, delivery }) => wantsEmail(delivery) && !draft.mailedElsewhere)
          .map(({ draft }) => `${draft.userId}:${draft.type}`),
      );
      // A regrouped notification already has its email job waiting (or sent): one email per notification.
      const mailed = stored.filter((row) => row.inserted && emailed.has(`${row.userId}:${row.type}`));
      await this.jobs.sendMany(
        NOTIFICATION_EMAIL_JOB,
        mailed.map((row) => ({ notificationId: row.id })),
        { manager, startAfter: this.config.notificationEmailDelaySeconds },
      );
      return stored;
    });
    const live = stored.filter((row) => row.inApp).map((row) => ({ id: row.id, userId: row.userId }));
    if (live.length > 0) this.events.publish('NotificationsCreated', { items: live });
  }

  /**
   * Leaves out what a blocked member did (api.md 1.1, Blocking): before gathering, so a blocked member's post
   * neither speaks for a gathered notification nor counts in it. A moderation notice stays: it is the
   * moderators' decision, shown with no actor, and blocking a moderator must not hide a sanction or a removal.
   */
  private async unblocked(drafts: Draft[]): Promise<Draft[]> {
    const judged = drafts.flatMap((draft) =>
      draft.type !== 'moderation' && draft.actorId !== null ? [{ recipientId: draft.userId, actorId: draft.actorId }] : [],
    );
    if (judged.length === 0) return drafts;
    const blocked = await this.sources.blockedPairs(judged);
    return blocked.size === 0
      ? drafts
      : drafts.filter((draft) => draft.type === 'moderation' || !blocked.has(`${draft.userId}:${draft.actorId}`));
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
