import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SiteLogo } from './site-logo.entity';

/** The site's logo: all SQL on `site_logos` lives here. */
@Injectable()
export class SiteLogoRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(): Promise<SiteLogo | null> {
    return this.dataSource.manager.findOneBy(SiteLogo, { id: 1 });
  }

  async put(logo: Omit<SiteLogo, 'id'>, manager: EntityManager): Promise<void> {
    await manager.upsert(SiteLogo, { id: 1, ...logo }, ['id']);
  }

  async remove(manager: EntityManager): Promise<void> {
    await manager.delete(SiteLogo, { id: 1 });
  }
}
