import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { audit } from '@harbour/audit';
import { DomainEvents } from '@harbour/common';
import type { GroupCreation, SettingsDto, SiteDto } from '@harbour/contracts';
import type { SiteSettings } from './site-settings.entity';
import { SettingsChecks } from './settings-checks.service';
import { SiteSettingsRepository } from './site-settings.repository';
import type { UpdateSettingsDto } from './update-settings.dto';

/** Settings are read on hot paths (every login, every post); a short cache keeps that off the database. */
const CACHE_MS = 2000;

@Injectable()
export class SettingsService {
  private cached: { value: SiteSettings; at: number } | null = null;
  /** Bumped by forget(): a read that started before it must not cache what it read. */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SiteSettingsRepository,
    private readonly events: DomainEvents,
    private readonly checks: SettingsChecks,
  ) {}

  async get(): Promise<SiteSettings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const generation = this.generation;
    const value = await this.settings.get();
    if (generation === this.generation) this.cached = { value, at: Date.now() };
    return value;
  }

  /** Drops this process's copy: the settings changed (here, or on another process that told this one). */
  forget(): void {
    this.cached = null;
    this.generation += 1;
  }

  /** The settings that change who may see and do what (the access module's SiteRules). */
  async accessRules(): Promise<{ loginRequired: boolean; groupCreation: GroupCreation }> {
    const { loginRequired, groupCreation } = await this.get();
    return { loginRequired, groupCreation };
  }

  /**
   * Merges a partial update (a partial `rateLimits` changes only the keys it names); the moderation log
   * records who changed which settings. Other libs' checks (SettingsChecks) may refuse the change first.
   */
  async update(actorId: string, patch: UpdateSettingsDto): Promise<SiteSettings> {
    const changed = Object.keys(patch);
    const saved = await this.dataSource.transaction(async (manager) => {
      const current = await this.settings.lock(manager);
      const before = { ...current };
      const { rateLimits, ...rest } = patch;
      Object.assign(current, rest);
      if (rateLimits) current.rateLimits = { ...current.rateLimits, ...rateLimits };
      await this.checks.assert({ actorId, before, after: current, manager });
      const written = await this.settings.save(current, manager);
      if (changed.length > 0) {
        await audit(manager, { actorId, action: 'settings.update', targetType: 'settings', targetId: null, reason: changed.join(', ') });
      }
      return written;
    });
    // After the commit: a read between the save and the commit would otherwise cache the old row again.
    this.forget();
    if (changed.length > 0) this.events.publish('SiteSettingsChanged', { changed });
    return saved;
  }
}

/** Same-origin, versioned so a browser may keep it for good and a new logo is fetched at once. */
function logoUrl(settings: SiteSettings): string | null {
  return settings.logoVersion > 0 ? `/api/site/logo?v=${settings.logoVersion}` : null;
}

export function toSettingsDto(settings: SiteSettings): SettingsDto {
  return {
    siteName: settings.siteName,
    siteDescription: settings.siteDescription,
    defaultLocale: settings.defaultLocale,
    logoUrl: logoUrl(settings),
    setupDone: settings.setupDone,
    registrationMode: settings.registrationMode,
    loginRequired: settings.loginRequired,
    groupCreation: settings.groupCreation,
    newMemberReviewPosts: settings.newMemberReviewPosts,
    mailingSenderName: settings.mailingSenderName,
    mailingAddress: settings.mailingAddress,
    rateLimits: { ...settings.rateLimits },
    emailVerification: settings.emailVerification,
    staffTwoFactor: settings.staffTwoFactor,
    uploadMaxMb: settings.uploadMaxMb,
    uploadQuotaMb: settings.uploadQuotaMb,
    quickExitUrl: settings.quickExitUrl,
  };
}

export function toSiteDto(settings: SiteSettings): SiteDto {
  return {
    siteName: settings.siteName,
    siteDescription: settings.siteDescription,
    defaultLocale: settings.defaultLocale,
    logoUrl: logoUrl(settings),
    registrationMode: settings.registrationMode,
    loginRequired: settings.loginRequired,
    groupCreation: settings.groupCreation,
    emailVerification: settings.emailVerification,
    staffTwoFactor: settings.staffTwoFactor,
    uploadMaxMb: settings.uploadMaxMb,
    quickExitUrl: settings.quickExitUrl,
  };
}
