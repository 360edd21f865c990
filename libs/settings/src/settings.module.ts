import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimiter } from './rate-limiter.service';
import { SettingsController, SiteController } from './settings.controller';
import { SettingsService } from './settings.service';
import { SiteSettings } from './site-settings.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SiteSettings])],
  controllers: [SettingsController, SiteController],
  providers: [SettingsService, RateLimiter],
  exports: [SettingsService, RateLimiter],
})
export class SettingsModule {}
