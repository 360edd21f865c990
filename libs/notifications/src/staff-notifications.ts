import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService, hasPermission, type Caller, type CategoryRef } from '@harbour/access';
import { MemberCallers } from '@harbour/accounts';
import { DomainEvents, type DomainEventMap } from '@harbour/common';
import { NotificationDelivery } from './notification-delivery';
import { NotificationSources } from './notification-sources.repository';

/**
 * Tells staff what waits for them, as `staff` notifications gathered into one unread notification per kind
 * (ten reports are one "10 new reports"): admins of registrations awaiting approval, site staff of appeals,
 * and whoever moderates a reported thing of the report. Each recipient is asked of access as themself (a
 * moderator without two-factor, say, acts as a member and hears nothing). A reporter is never named.
 */
@Injectable()
export class StaffNotifications implements OnModuleInit {
  constructor(
    private readonly sources: NotificationSources,
    private readonly delivery: NotificationDelivery,
    private readonly members: MemberCallers,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('RegistrationPending', (event) =>
      this.tell(['admin'], (caller) => hasPermission(caller, 'admin.users'), {
        outcome: 'registration_pending',
        actorId: event.userId,
      }),
    );
    this.events.on('AppealOpened', (event) =>
      this.tell(['admin', 'moderator'], (caller) => this.access.can(caller, { action: 'moderation.act', category: null }), {
        outcome: 'appeal',
        actorId: event.userId,
      }),
    );
    this.events.on('ReportMade', (event) => this.reported(event));
  }

  private async reported(event: DomainEventMap['ReportMade']): Promise<void> {
    const { targetType: type, targetId: id } = event;
    const forum = type === 'post' || type === 'topic';
    const space = type === 'post' || type === 'topic' ? await this.sources.targetSpace({ type, id }) : null;
    if (forum && !space) return;
    const groupManagers = space?.groupId ? await this.sources.groupManagers(space.groupId) : [];
    const category: CategoryRef | null = space;
    await this.tell(
      ['admin', 'moderator'],
      (caller) => caller.userId !== event.reporterId && this.access.can(caller, { action: 'moderation.act', category }),
      // The reporter is not the actor: group moderators may know them, and reports are anonymous to them.
      { outcome: 'report', actorId: null, space },
      groupManagers,
    );
  }

  private async tell(
    roles: readonly ('admin' | 'moderator')[],
    mayAct: (caller: Caller) => boolean,
    notice: { outcome: string; actorId: string | null; space?: CategoryRef | null },
    alsoAsk: string[] = [],
  ): Promise<void> {
    const candidates = [...new Set([...(await this.sources.siteStaff(roles)), ...alsoAsk])];
    const callers = await this.members.load(candidates);
    const recipients = candidates.filter((id) => {
      const caller = callers.get(id);
      return caller !== undefined && mayAct(caller);
    });
    await this.delivery.deliver(
      recipients.map((userId) => ({
        userId,
        type: 'staff' as const,
        actorId: notice.actorId,
        space: notice.space ?? null,
        // No topic: the notices of one kind gather into one ("3 new reports"), which leads to the queue.
        data: { outcome: notice.outcome },
        groupKey: `staff:${notice.outcome}`,
      })),
    );
  }
}
