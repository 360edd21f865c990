import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SiteSettings } from './site-settings.entity';

/** The site's one settings row: all SQL on `site_settings` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class SiteSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  get(): Promise<SiteSettings> {
    return this.dataSource.manager.findOneByOrFail(SiteSettings, { id: 1 });
  }

  /** The row, locked for a change inside the caller's transaction. */
  lock(manager: EntityManager): Promise<SiteSettings> {
    return manager.findOneOrFail(SiteSettings, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
  }

  save(settings: SiteSettings, manager: EntityManager): Promise<SiteSettings> {
    return manager.save(settings);
  }
}
