import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { EmailToken } from './email-token.entity';

/** Email links (verification, change of address): all SQL on `email_tokens` lives here. */
@Injectable()
export class EmailTokenRepository {
  async insert(fields: Pick<EmailToken, 'userId' | 'tokenHash' | 'email' | 'expiresAt'>, manager: EntityManager): Promise<void> {
    await manager.insert(EmailToken, fields);
  }

  /**
   * Whose unused, unexpired link this is, without locking it: the member's row is locked first (as a deletion
   * locks it before deleting their links), so the two take turns instead of deadlocking.
   */
  async ownerOfUsable(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const link = await manager.findOne(EmailToken, {
      select: { userId: true },
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    return link?.userId ?? null;
  }

  /** An unused, unexpired link with this token hash, row-locked to be spent. */
  lockUsable(tokenHash: string, manager: EntityManager): Promise<EmailToken | null> {
    return manager.findOne(EmailToken, {
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Spends every outstanding link of the member: once one is followed, older ones (to other addresses) stop working. */
  async spendAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(EmailToken, { userId, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
