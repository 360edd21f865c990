import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FlagReason } from '@harbour/contracts';
import { forumTargetAuthorSql } from '@harbour/forum';

/** One report on a queue item, as the queue shows it. */
export interface FlagRow {
  item_id: string;
  reason: FlagReason;
  note: string | null;
  reporter_id: string;
  created_at: Date;
}

/** Each reports item with the member it is about: the member reported, or the author of the post or topic. */
const REPORTED_MEMBERS = `
  SELECT i.id, CASE WHEN i.target_type = 'user' THEN i.target_id ELSE ${forumTargetAuthorSql('i.target_type', 'i.target_id')} END AS member_id
    FROM review_items i WHERE i.kind = 'flags'`;

/** Reports (flags): all SQL on `flags` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class FlagRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every method takes an optional transaction; without one it runs on its own. */
  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** A member's report on an item; a second one by the same member replaces their first (one voice each). */
  async upsert(
    manager: EntityManager,
    flag: { itemId: string; reporterId: string; reason: FlagReason; note: string | null },
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO flags (item_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (item_id, reporter_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note
       RETURNING id`,
      [flag.itemId, flag.reporterId, flag.reason, flag.note],
    );
    return row!.id;
  }

  async reporterIds(itemId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { reporter_id: string }[] = await this.db(manager).query('SELECT reporter_id FROM flags WHERE item_id = $1', [itemId]);
    return rows.map((row) => row.reporter_id);
  }

  /** The reports on these items, oldest first. */
  async ofItems(itemIds: string[]): Promise<FlagRow[]> {
    return this.db().query<FlagRow[]>(
      'SELECT item_id, reason, note, reporter_id, created_at FROM flags WHERE item_id = ANY($1::uuid[]) ORDER BY created_at',
      [itemIds],
    );
  }

  /** How many reports were made about each member: about them, their posts or their topics. */
  async countAgainst(memberIds: string[]): Promise<Map<string, number>> {
    const rows: { member_id: string; total: number }[] = await this.db().query(
      `SELECT m.member_id, count(f.id)::int AS total FROM (${REPORTED_MEMBERS}) m JOIN flags f ON f.item_id = m.id
        WHERE m.member_id = ANY($1::uuid[]) GROUP BY m.member_id`,
      [memberIds],
    );
    return new Map(rows.map((row) => [row.member_id, row.total]));
  }
}
