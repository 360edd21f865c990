import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@harbour/access';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { SettingsService } from '@harbour/settings';
import { alertFeed } from './alert-feed';
import { AlertMembersRepository } from './alert-members.repository';
import { assertKnownRegions } from './alert-rules';
import { AlertRepository } from './alert.repository';
import { AlertsService } from './alerts.service';

/** Entries in a feed: the active alerts, which are few; a reader polls, and older ones are on the site. */
const FEED_ENTRIES = 50;

/** The Atom feed of active alerts, of one region or all (api.md 1.1), for feed readers and other sites. */
@Injectable()
export class AlertFeedService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly members: AlertMembersRepository,
    private readonly service: AlertsService,
    private readonly settings: SettingsService,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  async feed(caller: Caller | null, regionCode: string | undefined): Promise<string> {
    await this.service.assertSees(caller);
    const regions = await this.members.regions();
    if (regionCode !== undefined) assertKnownRegions('region', [regionCode], new Set(regions.map((region) => region.code)));
    const [alerts, { siteName }] = await Promise.all([this.alerts.active(regionCode, FEED_ENTRIES), this.settings.get()]);
    return alertFeed({
      publicUrl: this.config.publicUrl,
      siteName,
      region: regions.find((region) => region.code === regionCode) ?? null,
      alerts,
      regionNames: new Map(regions.map((region) => [region.code, region.name])),
    });
  }
}
