import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';

/** A row as the export writes it (column aliases are the JSON keys). */
type Row = Record<string, unknown>;

/**
 * What moderation holds about a member: the reports they filed, the sanctions they received (with their
 * appeals), staff notes and reports about them (README, "Leaving"). The moderation log is append-only and
 * names nobody (ids and actions): its entries stay and now point at the anonymous `deleted-<n>` row.
 */
@Injectable()
export class ModerationMemberData implements MemberDataPart {
  readonly name = 'moderation';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const db = this.dataSource.manager;
    const reportsFiled = await db.query<Row[]>(
      `SELECT i.target_type AS "targetType", i.target_id AS "targetId", f.reason, f.note, f.created_at AS "createdAt"
         FROM flags f JOIN review_items i ON i.id = f.item_id WHERE f.reporter_id = $1 ORDER BY f.created_at`,
      [userId],
    );
    // Staff notes are staff's words about the member, kept from them like reporters' names; sanctions are theirs.
    const sanctions = await db.query<Row[]>(
      `SELECT type, reason, until, created_at AS "createdAt", lifted_at AS "liftedAt", acknowledged_at AS "acknowledgedAt",
              appeal_message AS "appealMessage", appealed_at AS "appealedAt"
         FROM sanctions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return { 'moderation.json': { reportsFiled, sanctions } };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<void> {
    const { userId } = member;
    const [filed] = await manager.query<[{ item_id: string }[], number]>('DELETE FROM flags WHERE reporter_id = $1 RETURNING item_id', [
      userId,
    ]);
    // An open report that was theirs alone leaves the queue with it.
    await manager.query(
      `DELETE FROM review_items i WHERE i.id = ANY($1::uuid[]) AND i.kind = 'flags' AND i.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.item_id = i.id)`,
      [filed.map((row) => row.item_id)],
    );
    // Reports about the member themself and their appeals (items about a 'user'): about nobody any more.
    const aboutThem = `SELECT id FROM review_items WHERE target_type = 'user' AND target_id = $1`;
    await manager.query(`DELETE FROM flags WHERE item_id IN (${aboutThem})`, [userId]);
    await manager.query(`DELETE FROM review_items WHERE id IN (${aboutThem})`, [userId]);
    await manager.query('DELETE FROM moderator_notes WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM sanctions WHERE user_id = $1', [userId]);
  }
}
