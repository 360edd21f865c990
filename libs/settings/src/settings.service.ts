import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainEvents } from '@harbour/common';
import type { GroupCreation, SettingsDto, SiteDto } from '@harbour/contracts';
import { SiteSettings } from './site-settings.entity';
import type { UpdateSettingsDto } from './update-settings.dto';

/** Settings are read on hot paths (every login, every post); a short cache keeps that off the database. */
const CACHE_MS = 2000;

@Injectable()
export class SettingsService {
  private cached: { value: SiteSettings; at: number } | null = null;
  /** Bumped by forget(): a read that started before it must not cache what it read. */
  private generation = 0;

  constructor(
    @InjectRepository(SiteSettings) private readonly settings: Repository<SiteSettings>,
    private readonly events: DomainEvents,
  ) {}

  async get(): Promise<SiteSettings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const generation = this.generation;
    const value = await this.settings.findOneByOrFail({ id: 1 });
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
   * records who changed which settings.
   */
  async update(actorId: string, patch: UpdateSettingsDto): Promise<SiteSettings> {
    const saved = await this.settings.manager.transaction(async (manager) => {
      const current = await manager.findOneOrFail(SiteSettings, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      const { rateLimits, ...rest } = patch;
      Object.assign(current, rest);
      if (rateLimits) current.rateLimits = { ...current.rateLimits, ...rateLimits };
      return manager.save(current);
    });
    // After the commit: a read between the save and the commit would otherwise cache the old row again.
    this.forget();
    const changed = Object.keys(patch);
    if (changed.length > 0) {
      this.events.publish('SiteSettingsChanged', { changed });
      this.events.publish('StaffActed', {
        actorId,
        action: 'settings.update',
        targetType: 'settings',
        targetId: null,
        reason: changed.join(', '),
      });
    }
    return saved;
  }
}

export function toSettingsDto(settings: SiteSettings): SettingsDto {
  return {
    siteName: settings.siteName,
    registrationMode: settings.registrationMode,
    loginRequired: settings.loginRequired,
    groupCreation: settings.groupCreation,
    newMemberReviewPosts: settings.newMemberReviewPosts,
    mailingSenderName: settings.mailingSenderName,
    mailingAddress: settings.mailingAddress,
    rateLimits: { ...settings.rateLimits },
  };
}

export function toSiteDto(settings: SiteSettings): SiteDto {
  return {
    siteName: settings.siteName,
    registrationMode: settings.registrationMode,
    loginRequired: settings.loginRequired,
    groupCreation: settings.groupCreation,
  };
}
