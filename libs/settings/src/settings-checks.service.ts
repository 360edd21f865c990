import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SiteSettings } from './site-settings.entity';

/** A settings change as a check sees it, inside the change's transaction. */
export interface SettingsChange {
  actorId: string;
  before: Readonly<SiteSettings>;
  after: Readonly<SiteSettings>;
  manager: EntityManager;
}

/** Refuses a change by throwing a DomainError (its status and message are the answer); resolves to allow it. */
export type SettingsCheck = (change: SettingsChange) => Promise<void>;

/**
 * Rules other libs set on the site's settings, about rows settings does not own (settings cannot depend on
 * them: they depend on settings). Each lib registers its check when it starts, as MemberData parts do; e.g.
 * accounts refuses `staffTwoFactor` to an admin who has no two-factor, who would lose the admin pages at once.
 */
@Injectable()
export class SettingsChecks {
  private readonly checks: SettingsCheck[] = [];

  register(check: SettingsCheck): void {
    this.checks.push(check);
  }

  async assert(change: SettingsChange): Promise<void> {
    for (const check of this.checks) await check(change);
  }
}
