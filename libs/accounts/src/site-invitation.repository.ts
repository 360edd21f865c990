import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { SiteInvitation } from './site-invitation.entity';

/** Site invitations: all SQL on `site_invitations` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class SiteInvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    fields: Pick<SiteInvitation, 'email' | 'tokenHash' | 'createdBy' | 'expiresAt' | 'maxUses'>,
    manager: EntityManager,
  ): Promise<SiteInvitation> {
    return manager.save(manager.create(SiteInvitation, fields));
  }

  /** Newest first (admins' list). */
  listQuery(): SelectQueryBuilder<SiteInvitation> {
    return this.dataSource.getRepository(SiteInvitation).createQueryBuilder('invitation');
  }

  /** An unexpired invitation with this token hash and a use left, row-locked to be spent. */
  lockUsable(tokenHash: string, manager: EntityManager): Promise<SiteInvitation | null> {
    return manager.findOne(SiteInvitation, {
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Spends one use (under lockUsable's row lock); the last one closes the link. */
  async spendOne(invitation: SiteInvitation, manager: EntityManager): Promise<void> {
    const usedCount = invitation.usedCount + 1;
    await manager.update(SiteInvitation, { id: invitation.id }, { usedCount, usedAt: usedCount >= invitation.maxUses ? new Date() : null });
  }
}
