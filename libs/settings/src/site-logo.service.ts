import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { audit } from '@harbour/audit';
import { DomainEvents, InvalidInputError, NotFoundError } from '@harbour/common';
import type { SettingsDto } from '@harbour/contracts';
import { reencodeLogo } from './logo-image';
import { SettingsService, toSettingsDto } from './settings.service';
import { SiteLogoRepository } from './site-logo.repository';
import { SiteSettingsRepository } from './site-settings.repository';

/** The site's logo: admins put or remove it; anyone fetches it (the sign-in page shows it too). */
@Injectable()
export class SiteLogoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logos: SiteLogoRepository,
    private readonly settingsRows: SiteSettingsRepository,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
  ) {}

  async put(actorId: string, file: { buffer: Buffer } | undefined): Promise<SettingsDto> {
    if (!file) throw new InvalidInputError('file is required');
    const logo = await reencodeLogo(file.buffer);
    return this.change(actorId, 'logo', (manager) => this.logos.put(logo, manager), true);
  }

  async remove(actorId: string): Promise<SettingsDto> {
    return this.change(actorId, 'logo removed', (manager) => this.logos.remove(manager), false);
  }

  /** The logo's bytes, or the same 404 whether there never was one or it was removed. */
  async image(): Promise<Buffer> {
    const logo = await this.logos.find();
    if (!logo) throw new NotFoundError();
    return logo.bytes;
  }

  /** The logo and the settings row's version change in one transaction, with the log entry. */
  private async change(
    actorId: string,
    reason: string,
    write: (manager: EntityManager) => Promise<void>,
    present: boolean,
  ): Promise<SettingsDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const current = await this.settingsRows.lock(manager);
      await write(manager);
      // Kept growing even on removal, so a logo put back later never reuses a URL a browser cached.
      current.logoVersion = present ? Math.abs(current.logoVersion) + 1 : -(Math.abs(current.logoVersion) + 1);
      const written = await this.settingsRows.save(current, manager);
      await audit(manager, { actorId, action: 'settings.update', targetType: 'settings', targetId: null, reason });
      return written;
    });
    this.settings.forget();
    this.events.publish('SiteSettingsChanged', { changed: ['logoUrl'] });
    return toSettingsDto(saved);
  }
}
