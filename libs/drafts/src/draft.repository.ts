import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface DraftRow {
  key: string;
  body: string;
  title: string | null;
  contentWarning: string | null;
  updatedAt: Date;
}

/** The most drafts a member keeps: saving one more forgets the one left alone longest. */
export const MAX_DRAFTS_PER_MEMBER = 100;

const COLUMNS = `key, body, title, content_warning AS "contentWarning", updated_at AS "updatedAt"`;

/** `drafts` (this lib's table). */
@Injectable()
export class DraftRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Saves the member's draft for a key, replacing theirs: one statement, so the same save sent several times at
   * once (a retry, two tabs) leaves one row. Then forgets their oldest beyond the most kept, in the same transaction.
   */
  async save(userId: string, draft: Omit<DraftRow, 'updatedAt'>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO drafts (user_id, key, body, title, content_warning) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, key) DO UPDATE
           SET body = EXCLUDED.body, title = EXCLUDED.title, content_warning = EXCLUDED.content_warning, updated_at = now()`,
        [userId, draft.key, draft.body, draft.title, draft.contentWarning],
      );
      await manager.query(
        `DELETE FROM drafts WHERE user_id = $1 AND key NOT IN (
           SELECT key FROM drafts WHERE user_id = $1 ORDER BY updated_at DESC, key LIMIT $2)`,
        [userId, MAX_DRAFTS_PER_MEMBER],
      );
    });
  }

  async find(userId: string, key: string): Promise<DraftRow | null> {
    const [row] = await this.dataSource.query<DraftRow[]>(`SELECT ${COLUMNS} FROM drafts WHERE user_id = $1 AND key = $2`, [userId, key]);
    return row ?? null;
  }

  async delete(userId: string, key: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query('DELETE FROM drafts WHERE user_id = $1 AND key = $2', [userId, key]);
  }

  async ofMember(userId: string): Promise<DraftRow[]> {
    return this.dataSource.query<DraftRow[]>(`SELECT ${COLUMNS} FROM drafts WHERE user_id = $1 ORDER BY updated_at DESC, key`, [userId]);
  }

  /** A topic merged into another (forum's TopicMoves): a reply being written there is now one to the topic that took its posts. */
  async followTopicMerge(manager: EntityManager, fromTopicId: string, intoTopicId: string): Promise<void> {
    await manager.query(
      `UPDATE drafts d SET key = $2 WHERE d.key = $1
          AND NOT EXISTS (SELECT 1 FROM drafts o WHERE o.user_id = d.user_id AND o.key = $2)`,
      [`topic:${fromTopicId}`, `topic:${intoTopicId}`],
    );
  }

  async deleteOfMember(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM drafts WHERE user_id = $1', [userId]);
  }
}
