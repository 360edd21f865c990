import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimiter } from './rate-limiter.service';
import { SettingsController, SiteController } from './settings.controller';
import { SettingsService } from './settings.service';
import { SiteSettings } from './site-settings.entity';
import { WatchedWord } from './watched-word.entity';
import { WatchedWordsService } from './watched-words.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SiteSettings, WatchedWord])],
  controllers: [SettingsController, SiteController],
  providers: [SettingsService, RateLimiter, WatchedWordsService],
  exports: [SettingsService, RateLimiter, WatchedWordsService],
})
export class SettingsModule {}
