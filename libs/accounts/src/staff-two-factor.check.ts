import { Injectable } from '@nestjs/common';
import { ConflictError } from '@harbour/common';
import { SettingsChecks, type SettingsChange } from '@harbour/settings';
import { TwoFactorRepository } from './two-factor.repository';

/**
 * Turning on `staffTwoFactor` makes staff without two-factor act as members at once: an admin who has none
 * would lose the admin pages, this setting's included, by saving it. Refused (409) until their own is on.
 */
@Injectable()
export class StaffTwoFactorCheck {
  constructor(
    private readonly twoFactor: TwoFactorRepository,
    checks: SettingsChecks,
  ) {
    checks.register((change) => this.check(change));
  }

  async check({ actorId, before, after, manager }: SettingsChange): Promise<void> {
    if (!after.staffTwoFactor || before.staffTwoFactor) return;
    if (!(await this.twoFactor.isOn(actorId, manager))) {
      throw new ConflictError(
        'staffTwoFactor: turn on two-factor for your own account first (staff without it act as members while it is required)',
      );
    }
  }
}
