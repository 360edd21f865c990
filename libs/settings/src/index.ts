export { SiteSettings, DEFAULT_RATE_LIMITS } from './site-settings.entity';
export type { RateLimits } from './site-settings.entity';
export { RateLimitCounter } from './rate-limit-counter.entity';
export { SettingsModule } from './settings.module';
export { SettingsService } from './settings.service';
export { RateLimiter } from './rate-limiter.service';
export { WatchedWord } from './watched-word.entity';
export { WatchedWordsService } from './watched-words.service';
export type { ContentVerdict } from './watched-words.service';
