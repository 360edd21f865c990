import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { PasswordReset } from './password-reset.entity';

/** Password resets: all SQL on `password_resets` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class PasswordResetRepository {
  async insert(fields: Pick<PasswordReset, 'userId' | 'tokenHash' | 'expiresAt'>, manager: EntityManager): Promise<void> {
    await manager.insert(PasswordReset, fields);
  }

  /**
   * Whose unused, unexpired link this is, without locking it: the member's row is locked first (as a deletion
   * locks it before deleting their links), so the two take turns instead of deadlocking.
   */
  async ownerOfUsable(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const link = await manager.findOne(PasswordReset, {
      select: { userId: true },
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    return link?.userId ?? null;
  }

  /** An unused, unexpired reset with this token hash, row-locked to be spent. */
  lockUsable(tokenHash: string, manager: EntityManager): Promise<PasswordReset | null> {
    return manager.findOne(PasswordReset, {
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Spends every outstanding reset of the member (a used link must not leave another one working). */
  async spendAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(PasswordReset, { userId, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
