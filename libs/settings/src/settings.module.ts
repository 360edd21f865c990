import { Global, Module } from '@nestjs/common';
import { RateLimitCounterRepository } from './rate-limit-counter.repository';
import { RateLimiter } from './rate-limiter.service';
import { SettingsController, SiteController } from './settings.controller';
import { SettingsChecks } from './settings-checks.service';
import { SettingsService } from './settings.service';
import { SiteLogoRepository } from './site-logo.repository';
import { SiteLogoService } from './site-logo.service';
import { SiteSettingsRepository } from './site-settings.repository';
import { WatchedWordRepository } from './watched-word.repository';
import { WatchedWordsService } from './watched-words.service';

@Global()
@Module({
  controllers: [SettingsController, SiteController],
  providers: [
    SettingsChecks,
    SiteSettingsRepository,
    SiteLogoRepository,
    SiteLogoService,
    RateLimitCounterRepository,
    WatchedWordRepository,
    SettingsService,
    RateLimiter,
    WatchedWordsService,
  ],
  exports: [SettingsChecks, SettingsService, RateLimiter, WatchedWordsService],
})
export class SettingsModule {}
