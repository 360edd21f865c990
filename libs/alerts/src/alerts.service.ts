import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { ConflictError, DomainEvents, isUuid, NotAuthenticatedError, NotFoundError } from '@harbour/common';
import type { AlertDto, PageDto } from '@harbour/contracts';
import { SettingsService } from '@harbour/settings';
import { assertExpiry, assertKnownRegions } from './alert-rules';
import { AlertMembersRepository } from './alert-members.repository';
import { AlertReportRepository } from './alert-report.repository';
import type { Alert } from './alert.entity';
import { toAlertDto } from './alert.mapper';
import { AlertRepository, type AlertFields } from './alert.repository';
import type { AlertsQueryDto, CreateAlertDto, UpdateAlertDto } from './alerts.dtos';

/** Publishing, editing and retracting alerts, and reading them (api.md 1.1, "Drug-supply alerts"). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly reports: AlertReportRepository,
    private readonly members: AlertMembersRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
  ) {}

  async create(caller: Caller, dto: CreateAlertDto): Promise<AlertDto> {
    const onTeam = await this.members.onTeam(caller.userId);
    this.access.assertCan(caller, { action: 'alert.create', onTeam });
    assertKnownRegions('regions', dto.regions, await this.knownRegions());
    assertExpiry(dto.expiresAt);
    const fields: AlertFields = {
      title: dto.title,
      titleFr: dto.titleFr ?? null,
      body: dto.body,
      bodyFr: dto.bodyFr ?? null,
      substance: dto.substance,
      appearance: dto.appearance ?? null,
      testResult: dto.testResult ?? null,
      severity: dto.severity,
      regions: [...new Set(dto.regions)],
      expiresAt: dto.expiresAt,
    };
    const alert = await this.dataSource.transaction(async (manager) => {
      const fromReportId = dto.fromReportId;
      if (fromReportId !== undefined && !(await this.reports.lockOpen(fromReportId, manager))) {
        throw new ConflictError('fromReportId must name an open report');
      }
      const created = await this.alerts.insert(fields, caller.userId, manager);
      if (fromReportId !== undefined) await this.reports.close(fromReportId, created.id, manager);
      return created;
    });
    this.events.publish('AlertChanged', { alertId: alert.id, change: 'created' });
    return toAlertDto(alert, this.access.alertCan(caller, onTeam));
  }

  async update(caller: Caller, id: string, dto: UpdateAlertDto): Promise<AlertDto> {
    const alert = await this.visible(caller, id);
    const onTeam = await this.members.onTeam(caller.userId);
    this.access.assertCan(caller, { action: 'alert.manage', onTeam });
    if (dto.regions !== undefined) assertKnownRegions('regions', dto.regions, await this.knownRegions());
    if (dto.expiresAt !== undefined) assertExpiry(dto.expiresAt);
    const changes: Partial<AlertFields> = {};
    if (dto.title !== undefined) changes.title = dto.title;
    if (dto.titleFr !== undefined) changes.titleFr = dto.titleFr;
    if (dto.body !== undefined) changes.body = dto.body;
    if (dto.bodyFr !== undefined) changes.bodyFr = dto.bodyFr;
    if (dto.substance !== undefined) changes.substance = dto.substance;
    if (dto.appearance !== undefined) changes.appearance = dto.appearance;
    if (dto.testResult !== undefined) changes.testResult = dto.testResult;
    if (dto.severity !== undefined) changes.severity = dto.severity;
    if (dto.regions !== undefined) changes.regions = [...new Set(dto.regions)];
    if (dto.expiresAt !== undefined) changes.expiresAt = dto.expiresAt;
    const updated = await this.dataSource.transaction(async (manager) => {
      const locked = await this.alerts.lock(alert.id, manager);
      if (!locked) throw new NotFoundError();
      // A retracted alert is the record of a withdrawal: it is not rewritten afterwards.
      if (locked.retractedAt !== null) throw new ConflictError('This alert was retracted: publish a new one');
      await this.alerts.update(alert.id, changes, manager);
      return this.alerts.find(alert.id, manager);
    });
    if (!updated) throw new NotFoundError();
    this.events.publish('AlertChanged', { alertId: alert.id, change: 'updated' });
    return toAlertDto(updated, this.access.alertCan(caller, onTeam));
  }

  /** Retracting twice is the same 204 (and its subscribers are told once). */
  async retract(caller: Caller, id: string): Promise<void> {
    const alert = await this.visible(caller, id);
    this.access.assertCan(caller, { action: 'alert.manage', onTeam: await this.members.onTeam(caller.userId) });
    const retracted = await this.dataSource.transaction(async (manager) => {
      const locked = await this.alerts.lock(alert.id, manager);
      if (!locked || locked.retractedAt !== null) return false;
      await this.alerts.retract(alert.id, manager);
      return true;
    });
    if (retracted) this.events.publish('AlertChanged', { alertId: alert.id, change: 'retracted' });
  }

  async get(caller: Caller | null, id: string): Promise<AlertDto> {
    const alert = await this.visible(caller, id);
    return toAlertDto(alert, await this.canFor(caller));
  }

  async list(caller: Caller | null, query: AlertsQueryDto): Promise<PageDto<AlertDto>> {
    await this.assertSees(caller);
    if (query.region !== undefined) assertKnownRegions('region', [query.region], await this.knownRegions());
    const can = await this.canFor(caller);
    const page = await this.alerts.page({
      region: query.region,
      active: query.active === 'true',
      cursor: query.cursor,
      limit: query.limit,
    });
    const now = new Date();
    return { items: page.items.map((alert) => toAlertDto(alert, can, now)), nextCursor: page.nextCursor };
  }

  /** The site's region codes, for the DTOs' second check. */
  async knownRegions(): Promise<Set<string>> {
    return new Set((await this.members.regions()).map((region) => region.code));
  }

  /** The alert, if the caller may read alerts (a login-only site's visitors may not: the same 404). */
  private async visible(caller: Caller | null, id: string): Promise<Alert> {
    if (!this.access.can(caller, { action: 'alert.see', site: await this.settings.accessRules() })) throw new NotFoundError();
    const alert = isUuid(id) ? await this.alerts.find(id) : null;
    if (!alert) throw new NotFoundError();
    return alert;
  }

  /** Lists and the feed on a login-only site: a visitor is asked to sign in (one alert is the 404 of a missing one). */
  async assertSees(caller: Caller | null): Promise<void> {
    if (!this.access.can(caller, { action: 'alert.see', site: await this.settings.accessRules() }))
      throw new NotAuthenticatedError('Sign in first');
  }

  private async canFor(caller: Caller | null) {
    return this.access.alertCan(caller, caller ? await this.members.onTeam(caller.userId) : false);
  }
}
