import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { UserStanding } from '@harbour/accounts';
import type { SanctionType } from '@harbour/contracts';
import { Sanction } from './sanction.entity';

/** A member's sanctions as the queue shows them beside a report. */
export interface SanctionHistory {
  total: number;
  /** The latest standing silence, suspension or ban. */
  active: SanctionType | null;
}

/** A standing appeal, as the queue shows it. */
export interface AppealRow {
  id: string;
  user_id: string;
  type: SanctionType;
  reason: string;
  appeal_message: string;
}

/** Sanctions: all SQL on `sanctions` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class SanctionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async create(
    manager: EntityManager,
    sanction: Pick<Sanction, 'userId' | 'type' | 'reason' | 'until' | 'createdById' | 'throughAnonymousPost'>,
  ): Promise<Sanction> {
    return manager.save(manager.create(Sanction, sanction));
  }

  /** Lifts a standing sanction of the member; false when there is none with this id. */
  async lift(manager: EntityManager, userId: string, sanctionId: string): Promise<boolean> {
    const lifted = await manager.update(Sanction, { id: sanctionId, userId, liftedAt: IsNull() }, { liftedAt: new Date() });
    return Boolean(lifted.affected);
  }

  /** Newest first. */
  async ofMember(userId: string, take?: number): Promise<Sanction[]> {
    return this.db().find(Sanction, { where: { userId }, order: { createdAt: 'DESC' }, ...(take ? { take } : {}) });
  }

  async findOwn(userId: string, sanctionId: string): Promise<Sanction | null> {
    return this.db().findOneBy(Sanction, { id: sanctionId, userId });
  }

  async acknowledge(sanctionId: string): Promise<void> {
    await this.db().update(Sanction, { id: sanctionId }, { acknowledgedAt: new Date() });
  }

  /** The standing ban, else the latest standing suspension, that keeps the member out (null: none). */
  async keepingOut(userId: string): Promise<Sanction | null> {
    return this.db()
      .createQueryBuilder(Sanction, 's')
      .where("s.user_id = :userId AND s.lifted_at IS NULL AND s.type IN ('suspend', 'ban') AND (s.until IS NULL OR s.until > now())", {
        userId,
      })
      .orderBy("s.type = 'ban'", 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .getOne();
  }

  /** Records the member's one appeal; false when the sanction was already appealed. */
  async appeal(manager: EntityManager, sanctionId: string, message: string): Promise<boolean> {
    const appealed = await manager.update(
      Sanction,
      { id: sanctionId, appealedAt: IsNull() },
      { appealedAt: new Date(), appealMessage: message },
    );
    return Boolean(appealed.affected);
  }

  /** The member's state from their standing sanctions: the latest silence end, a ban, or the latest suspension end. */
  async standing(manager: EntityManager, userId: string): Promise<UserStanding> {
    const [row]: { silenced_until: Date | null; suspended_until: Date | null; banned: boolean; suspended: boolean }[] = await manager.query(
      `SELECT max(until) FILTER (WHERE type = 'silence') AS silenced_until,
              max(until) FILTER (WHERE type = 'suspend') AS suspended_until,
              coalesce(bool_or(type = 'ban'), false) AS banned,
              coalesce(bool_or(type = 'suspend'), false) AS suspended
         FROM sanctions WHERE user_id = $1 AND lifted_at IS NULL AND (until IS NULL OR until > now())`,
      [userId],
    );
    return { silencedUntil: row!.silenced_until, suspended: row!.suspended, suspendedUntil: row!.suspended_until, banned: row!.banned };
  }

  /** How many sanctions each member had, and which one stands now. */
  async histories(userIds: string[]): Promise<Map<string, SanctionHistory>> {
    const rows: { user_id: string; total: number; active: SanctionType | null }[] = await this.db().query(
      `SELECT user_id, count(*)::int AS total,
              (array_agg(type ORDER BY created_at DESC) FILTER (WHERE lifted_at IS NULL AND (until IS NULL OR until > now()) AND type <> 'warn'))[1] AS active
         FROM sanctions WHERE user_id = ANY($1::uuid[]) AND NOT through_anonymous_post GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, { total: row.total, active: row.active }]));
  }

  /** Each member's latest appealed sanction. */
  async appeals(userIds: string[]): Promise<AppealRow[]> {
    return this.db().query<AppealRow[]>(
      `SELECT DISTINCT ON (user_id) id, user_id, type, reason, appeal_message FROM sanctions
        WHERE user_id = ANY($1::uuid[]) AND appealed_at IS NOT NULL ORDER BY user_id, appealed_at DESC`,
      [userIds],
    );
  }
}
