import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { JoinRequest } from './join-request.entity';

/** Join requests: all SQL on `group_join_requests` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class JoinRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The groups the member waits to join. */
  async pendingGroupIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db().query<{ group_id: string }[]>(
      'SELECT group_id FROM group_join_requests WHERE user_id = $1 AND decided_at IS NULL',
      [userId],
    );
    return rows.map((row) => row.group_id);
  }

  /**
   * Records a request (a second one while the first waits only replaces its message), already decided
   * when `approvedNow` (a public group lets the member in at once). Answers its id.
   */
  async request(groupId: string, userId: string, message: string, approvedNow: boolean, manager: EntityManager): Promise<string> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO group_join_requests (group_id, user_id, message, decided_at, decision) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (group_id, user_id) WHERE decided_at IS NULL DO UPDATE SET message = EXCLUDED.message RETURNING id`,
      [groupId, userId, message, approvedNow ? new Date() : null, approvedNow ? 'approved' : null],
    );
    return inserted[0]!.id;
  }

  /** The group's waiting requests, oldest first. */
  pending(groupId: string, limit: number): Promise<JoinRequest[]> {
    return this.db().find(JoinRequest, {
      where: { groupId, decidedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  /** A waiting request of this group, row-locked for the decision. */
  lockPending(id: string, groupId: string, manager: EntityManager): Promise<JoinRequest | null> {
    return manager.findOne(JoinRequest, { where: { id, groupId, decidedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  async decide(id: string, decision: 'approved' | 'declined', manager: EntityManager): Promise<void> {
    await manager.update(JoinRequest, { id }, { decidedAt: new Date(), decision });
  }
}
