import { Injectable } from '@nestjs/common';
import { RateLimiter, SettingsService } from '@harbour/settings';

/**
 * Every place that asks a signed-in member for their password again (changing it or the address, two-factor,
 * export, deletion) counts the guesses in one budget per member, the sign-in attempts' hourly limit: a stolen
 * session must not become a way to try passwords without end.
 */
@Injectable()
export class PasswordGuesses {
  constructor(
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
  ) {}

  async count(userId: string): Promise<void> {
    const { rateLimits } = await this.settings.get();
    await this.limiter.consume('password-check', userId, rateLimits.loginAttemptsPerHourPerIp, 3600);
  }
}
