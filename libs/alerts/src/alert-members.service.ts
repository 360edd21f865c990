import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { MeParts, UserRepository } from '@harbour/accounts';
import { audit } from '@harbour/audit';
import {
  InvalidInputError,
  isUuid,
  MemberData,
  NotFoundError,
  type ErasedMember,
  type ExportedMember,
  type ExportFile,
} from '@harbour/common';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { AlertRegionsDto as AlertRegionsAnswer, AlertTeamDto, MeDto } from '@harbour/contracts';
import type { EntityManager } from 'typeorm';
import { assertKnownRegions } from './alert-rules';
import { AlertMembersRepository } from './alert-members.repository';
import { AlertRepository } from './alert.repository';
import { readAlertUnsubscribeToken } from './alert-unsubscribe-token';
import type { AlertSubscriptionDto, UpdateAlertRegionsDto } from './alerts.dtos';

/**
 * The people around alerts: the site's regions (a setting admins edit), the team admins name, and each
 * member's subscription (regions, or alerts off). Fills `me`'s alert fields and the member's data export.
 */
@Injectable()
export class AlertMembersService {
  readonly name = 'alerts';

  constructor(
    private readonly dataSource: DataSource,
    private readonly members: AlertMembersRepository,
    private readonly alerts: AlertRepository,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
    meParts: MeParts,
    memberData: MemberData,
  ) {
    meParts.register({ complete: (me) => this.meFields(me) });
    memberData.register({
      name: this.name,
      export: (member) => this.export(member),
      erase: (member, manager) => this.erase(member, manager),
    });
  }

  async regions(): Promise<AlertRegionsAnswer> {
    return { items: await this.members.regions() };
  }

  /** Admins replace the list; regions that alerts or members still name may go (they then match nothing new). */
  async replaceRegions(caller: Caller, dto: UpdateAlertRegionsDto): Promise<AlertRegionsAnswer> {
    this.access.assertCan(caller, { action: 'alertTeam.manage' });
    const codes = dto.regions.map((region) => region.code);
    const twice = codes.filter((code, index) => codes.indexOf(code) !== index);
    if (twice.length > 0) throw new InvalidInputError(`regions must not name a code twice (${[...new Set(twice)].join(', ')})`);
    await this.dataSource.transaction(async (manager) => {
      await this.members.replaceRegions(dto.regions, manager);
      await audit(manager, {
        actorId: caller.userId,
        action: 'alert_regions.update',
        targetType: 'settings',
        targetId: null,
        reason: codes.join(', '),
      });
    });
    return this.regions();
  }

  async team(caller: Caller): Promise<AlertTeamDto> {
    this.access.assertCan(caller, { action: 'alertTeam.manage' });
    return { items: (await this.members.team()).map((row) => ({ user: row.user, addedAt: row.addedAt.toISOString() })) };
  }

  /** Names a member to the team (idempotent); logged in the moderation log. */
  async addToTeam(caller: Caller, userId: string): Promise<void> {
    this.access.assertCan(caller, { action: 'alertTeam.manage' });
    if (!isUuid(userId) || !(await this.users.findById(userId))) throw new NotFoundError();
    await this.dataSource.transaction(async (manager) => {
      if (await this.members.addToTeam(userId, manager)) {
        await audit(manager, { actorId: caller.userId, action: 'alert_team.add', targetType: 'user', targetId: userId });
      }
    });
  }

  async removeFromTeam(caller: Caller, userId: string): Promise<void> {
    this.access.assertCan(caller, { action: 'alertTeam.manage' });
    if (!isUuid(userId)) throw new NotFoundError();
    const removed = await this.dataSource.transaction(async (manager) => {
      const gone = await this.members.removeFromTeam(userId, manager);
      if (gone) await audit(manager, { actorId: caller.userId, action: 'alert_team.remove', targetType: 'user', targetId: userId });
      return gone;
    });
    if (!removed && !(await this.users.findById(userId))) throw new NotFoundError();
  }

  async subscribe(caller: Caller, dto: AlertSubscriptionDto): Promise<void> {
    this.access.assertCan(caller, { action: 'alert.subscribe' });
    const known = new Set((await this.members.regions()).map((region) => region.code));
    assertKnownRegions('regions', dto.regions, known);
    await this.members.subscribe(caller.userId, [...new Set(dto.regions)], dto.alertsOff);
  }

  /** The link in an alert email: no sign-in (a shared phone's inbox), a forged or altered token does nothing. */
  async unsubscribe(token: string | undefined): Promise<{ unsubscribed: true }> {
    const userId = token ? readAlertUnsubscribeToken(this.config.sessionSecret ?? '', token) : null;
    if (!userId) throw new InvalidInputError('token is invalid');
    await this.members.turnOff(userId);
    return { unsubscribed: true };
  }

  private async meFields(me: MeDto): Promise<Partial<MeDto>> {
    const [subscription, onTeam] = await Promise.all([this.members.subscription(me.id), this.members.onTeam(me.id)]);
    // `me` is the member's own view: their role as it stands (admins are on the team by it).
    const caller: Caller = {
      userId: me.id,
      username: me.username,
      role: me.role,
      locale: me.locale,
      sessionId: '',
      groups: {},
      silenced: false,
      via: 'bearer',
    };
    return {
      alertRegions: subscription.regions,
      alertsOff: subscription.alertsOff,
      alertTeam: this.access.can(caller, { action: 'alert.create', onTeam }),
    };
  }

  private async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const [subscription, onTeam] = await Promise.all([this.members.subscription(userId), this.members.onTeam(userId)]);
    return { 'alerts.json': { regions: subscription.regions, alertsOff: subscription.alertsOff, alertTeam: onTeam } };
  }

  private async erase(member: ErasedMember, manager: EntityManager): Promise<void> {
    await this.members.erase(member.userId, manager);
    await this.alerts.forgetAuthor(member.userId, manager);
  }
}
