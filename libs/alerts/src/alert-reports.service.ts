import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService, type Caller } from '@harbour/access';
import { isUuid, NotFoundError } from '@harbour/common';
import type { AlertReportDto, PageDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { assertKnownRegions } from './alert-rules';
import { AlertMembersRepository } from './alert-members.repository';
import { AlertReportRepository } from './alert-report.repository';
import { toAlertReportDto } from './alert.mapper';
import type { AlertReportsQueryDto, CreateAlertReportDto } from './alerts.dtos';

/**
 * The window of the reports one client address may send: a day, as members' reports of posts (the site's
 * `rateLimits.flagsPerDay`, which admins tune and 0 turns off: a report is a report, whoever sends it).
 */
export const REPORT_WINDOW_SECONDS = 86_400;

/**
 * The rate limiter's subject for a reporter: their address under a salt that lives only in this process's
 * memory and is replaced every window. The shared counters (rate_limit_counters) then hold a hash that nobody,
 * the site's own admins with its secret included, can link back to an address once the window is over.
 */
class RotatingSalt {
  private window = -1;
  private salt = randomBytes(32);

  subject(address: string, now = Date.now()): string {
    const window = Math.floor(now / 1000 / REPORT_WINDOW_SECONDS);
    if (window !== this.window) {
      this.window = window;
      this.salt = randomBytes(32);
    }
    return createHmac('sha256', this.salt).update(address).digest('base64url');
  }
}

/** Reports of a bad batch: sent by anyone without an account, read by the alert team (api.md 1.1). */
@Injectable()
export class AlertReportsService {
  private readonly salt = new RotatingSalt();

  constructor(
    private readonly reports: AlertReportRepository,
    private readonly members: AlertMembersRepository,
    private readonly access: AccessService,
    private readonly limiter: RateLimiter,
    private readonly settings: SettingsService,
  ) {}

  /** Stores what the reporter wrote and nothing else: not their account (even when signed in), address or agent. */
  async create(caller: Caller | null, address: string, dto: CreateAlertReportDto): Promise<void> {
    this.access.assertCan(caller, { action: 'alertReport.create' });
    const { rateLimits } = await this.settings.get();
    await this.limiter.consume('alert-report', this.salt.subject(address), rateLimits.flagsPerDay, REPORT_WINDOW_SECONDS);
    assertKnownRegions('region', [dto.region], new Set((await this.members.regions()).map((region) => region.code)));
    await this.reports.insert({ region: dto.region, substance: dto.substance, description: dto.description, contact: dto.contact ?? null });
  }

  async list(caller: Caller, query: AlertReportsQueryDto): Promise<PageDto<AlertReportDto>> {
    this.access.assertCan(caller, { action: 'alertReport.read', onTeam: await this.members.onTeam(caller.userId) });
    const page = await this.reports.page(query);
    return { items: page.items.map(toAlertReportDto), nextCursor: page.nextCursor };
  }

  async dismiss(caller: Caller, id: string): Promise<void> {
    this.access.assertCan(caller, { action: 'alertReport.read', onTeam: await this.members.onTeam(caller.userId) });
    if (!isUuid(id) || !(await this.reports.dismiss(id))) throw new NotFoundError();
  }
}
