import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { User } from './user.entity';
import { userColumns, userFromRow, type UserColumnsRow } from './user-sql';

/** Blocks: all SQL on `user_blocks` for the member's own list (other libs use block-sql.ts). */
@Injectable()
export class BlockRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A member others may block: anyone with an account, except one awaiting approval or deleted (unknown to members). */
  async blockable(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>("SELECT 1 FROM users WHERE id = $1 AND status NOT IN ('pending', 'deleted')", [
      userId,
    ]);
    return rows.length > 0;
  }

  /**
   * Idempotent: blocking twice is one block (and keeps its first date). False when either member was deleted
   * meanwhile: the key-share locks wait for a deletion holding the row (it locks it first) and then see it gone,
   * so a block racing its blocker's deletion cannot leave a row behind the erasure.
   */
  async add(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH alive AS (SELECT id FROM users WHERE id IN ($1, $2) AND status <> 'deleted' ORDER BY id FOR KEY SHARE)
       INSERT INTO user_blocks (blocker_id, blocked_id) SELECT $1, $2 WHERE (SELECT count(*) FROM alive) = 2
       ON CONFLICT DO NOTHING RETURNING 1`,
      [blockerId, blockedId],
    );
    return rows.length > 0 || (await this.exists(blockerId, blockedId));
  }

  private async exists(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2', [
      blockerId,
      blockedId,
    ]);
    return rows.length > 0;
  }

  /** Idempotent: removing a block that is not there changes nothing. */
  async remove(blockerId: string, blockedId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2', [blockerId, blockedId]);
  }

  /** The members this member blocked, most recent first (a deleted account's blocks go with it). */
  async blockedBy(blockerId: string): Promise<User[]> {
    const rows = await this.dataSource.query<UserColumnsRow<'u_'>[]>(
      `SELECT ${userColumns('u')} FROM user_blocks ub JOIN users u ON u.id = ub.blocked_id
        WHERE ub.blocker_id = $1 AND u.status <> 'deleted'
        ORDER BY ub.created_at DESC, u.id`,
      [blockerId],
    );
    return rows.map((row) => userFromRow(row, 'u_'));
  }
}
