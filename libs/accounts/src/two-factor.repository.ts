import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecoveryCode } from './recovery-code.entity';
import { User } from './user.entity';

/** Two-factor state: the TOTP columns of `users` and the `recovery_codes` rows (accounts owns both tables). */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the member has confirmed two-factor (inside the caller's transaction when given). */
  async isOn(userId: string, manager?: EntityManager): Promise<boolean> {
    const rows = await (manager ?? this.dataSource.manager).query<unknown[]>(
      'SELECT 1 FROM users WHERE id = $1 AND totp_secret IS NOT NULL',
      [userId],
    );
    return rows.length > 0;
  }

  /** False when the account was deleted meanwhile (the update waits for the deletion's row lock, then finds it gone). */
  async setPendingSecret(userId: string, sealed: string): Promise<boolean> {
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE users SET totp_pending_secret = $2 WHERE id = $1 AND status <> 'deleted' RETURNING id`,
      [userId, sealed],
    );
    return updated > 0;
  }

  /**
   * Turns two-factor on with the confirmed secret (only if the pending secret is still the one confirmed and
   * it is not on already, so two confirmations racing turn it on once) and replaces the recovery codes.
   * False when another request got there first.
   */
  async enable(userId: string, pending: string, step: number, codeHashes: string[], manager: EntityManager): Promise<boolean> {
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $3
        WHERE id = $1 AND totp_pending_secret = $2 AND totp_secret IS NULL RETURNING id`,
      [userId, pending, step],
    );
    if (updated === 0) return false;
    await manager.delete(RecoveryCode, { userId });
    await manager.insert(
      RecoveryCode,
      codeHashes.map((codeHash) => ({ userId, codeHash })),
    );
    return true;
  }

  async disable(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(User, { id: userId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await manager.delete(RecoveryCode, { userId });
  }

  /**
   * Records `step` as used, if no later or equal step was: a code is accepted once (RFC 6238 §5.2), even when
   * two requests carry it at the same moment (the row's update decides).
   */
  async claimStep(userId: string, step: number): Promise<boolean> {
    // An UPDATE through TypeORM answers [rows, affected count].
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE users SET totp_last_step = $2
        WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [userId, step],
    );
    return updated > 0;
  }

  /** Spends a recovery code: true once, false for an unknown or spent one. */
  async spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(RecoveryCode, { userId, codeHash });
    return (result.affected ?? 0) > 0;
  }
}
