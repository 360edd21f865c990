import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@harbour/access';
import { NotFoundError } from '@harbour/common';
import { UploadRepository, UploadsService, uploadIdsIn, UploadUses, type UploadUseReader } from '@harbour/uploads';
import { ConversationLookup } from './conversation-lookup';

/** Enough messages to find one the caller sees (the same file sent to many conversations is rare). */
const MESSAGES_CHECKED = 20;

/**
 * Which messages use which uploads (`message_uploads`), and conversations' answer to "who may fetch this
 * file": whoever sees a conversation with a live message that uses it, by ConversationLookup, so staff never
 * do unless they are in it. Written with the message, in its transaction.
 */
@Injectable()
export class MessageUploads implements UploadUseReader {
  readonly name = 'conversations';

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploads: UploadRepository,
    private readonly uploadsService: UploadsService,
    private readonly lookup: ConversationLookup,
    uses: UploadUses,
  ) {
    uses.register(this);
  }

  /** The message now uses the uploads its HTML shows, among its author's own (see UploadUses). */
  async record(manager: EntityManager, messageId: string, authorId: string, html: string): Promise<void> {
    const used = await this.uploads.ownedBy(uploadIdsIn(html), authorId, manager);
    await manager.query('DELETE FROM message_uploads WHERE message_id = $1 AND NOT (upload_id = ANY($2::uuid[]))', [messageId, used]);
    if (used.length > 0) {
      await manager.query('INSERT INTO message_uploads (message_id, upload_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
        messageId,
        used,
      ]);
    }
  }

  /**
   * A message is being deleted: the files only it used are deleted with it, in its transaction, those an edit
   * took out of view included (its revisions name them), so this runs before the revisions are removed.
   */
  async release(manager: EntityManager, messageId: string): Promise<void> {
    // TypeORM answers a DELETE … RETURNING with [rows, count], not the rows alone.
    const [rows] = await manager.query<[{ upload_id: string }[], number]>(
      'DELETE FROM message_uploads WHERE message_id = $1 RETURNING upload_id',
      [messageId],
    );
    const revisions = await manager.query<{ body: string; author_id: string | null }[]>(
      'SELECT r.body, m.author_id FROM message_revisions r JOIN messages m ON m.id = r.message_id WHERE r.message_id = $1',
      [messageId],
    );
    await this.uploadsService.forgetReleased(
      manager,
      rows.map((row) => row.upload_id),
      { authorId: revisions[0]?.author_id ?? null, bodies: revisions.map((row) => row.body) },
    );
  }

  async seenBy(caller: Caller | null, uploadId: string): Promise<boolean> {
    if (caller === null) return false;
    const rows = await this.dataSource.query<{ message_id: string }[]>(
      `SELECT mu.message_id FROM message_uploads mu JOIN messages m ON m.id = mu.message_id
        WHERE mu.upload_id = $1 AND m.deleted_at IS NULL ORDER BY m.created_at LIMIT ${MESSAGES_CHECKED}`,
      [uploadId],
    );
    for (const { message_id: messageId } of rows) {
      try {
        await this.lookup.message(caller, messageId);
        return true;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return false;
  }

  async stillUsed(uploadIds: string[], manager: EntityManager): Promise<Set<string>> {
    const rows = await manager.query<{ upload_id: string }[]>(
      `SELECT DISTINCT mu.upload_id FROM message_uploads mu JOIN messages m ON m.id = mu.message_id
        WHERE mu.upload_id = ANY($1::uuid[]) AND m.deleted_at IS NULL`,
      [uploadIds],
    );
    return new Set(rows.map((row) => row.upload_id));
  }
}
