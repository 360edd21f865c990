import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** An upload without its bytes: what access, headers and the API's answer need. */
export interface UploadRow {
  id: string;
  uploaderId: string;
  name: string;
  contentType: string;
  family: 'picture' | 'document';
  size: number;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

export interface NewUpload {
  uploaderId: string;
  name: string;
  contentType: string;
  family: 'picture' | 'document';
  bytes: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
}

const COLUMNS = `id, uploader_id AS "uploaderId", name, content_type AS "contentType", family, size, width, height, created_at AS "createdAt"`;

/** `uploads` (this lib's table). Bytes are read only when a file is sent. */
@Injectable()
export class UploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(upload: NewUpload, manager: EntityManager): Promise<UploadRow> {
    const [row] = await manager.query<UploadRow[]>(
      `INSERT INTO uploads (uploader_id, name, content_type, family, size, width, height, bytes, thumbnail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        upload.uploaderId,
        upload.name,
        upload.contentType,
        upload.family,
        upload.bytes.length,
        upload.width,
        upload.height,
        upload.bytes,
        upload.thumbnail,
      ],
    );
    return row!;
  }

  async find(id: string): Promise<UploadRow | null> {
    const [row] = await this.db().query<UploadRow[]>(`SELECT ${COLUMNS} FROM uploads WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The stored file, or its thumbnail (a document has none: its file is sent). */
  async bytes(id: string, variant: 'file' | 'thumbnail'): Promise<Buffer | null> {
    const column = variant === 'thumbnail' ? 'coalesce(thumbnail, bytes)' : 'bytes';
    const [row] = await this.db().query<{ bytes: Buffer }[]>(`SELECT ${column} AS bytes FROM uploads WHERE id = $1`, [id]);
    return row?.bytes ?? null;
  }

  /** What the member's files add up to, in bytes (their quota). */
  async totalSize(uploaderId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ total: string }[]>('SELECT coalesce(sum(size), 0) AS total FROM uploads WHERE uploader_id = $1', [
      uploaderId,
    ]);
    return Number(row?.total ?? 0);
  }

  /**
   * Of these ids, the uploads `uploaderId` made: the only ones their post or message may use. Held (FOR KEY
   * SHARE) until the writer's transaction ends, so a deletion of the same file (see lockForDeletion) either
   * waits for the new use and sees it, or goes first and the file is simply not found here: never a use of a
   * deleted file (a foreign-key error, a 500) nor a new use cascaded away. A deletion asking which files its
   * revisions named does not `hold` them: two deletions sharing a file would each wait for the other.
   */
  async ownedBy(ids: string[], uploaderId: string, manager: EntityManager, hold = true): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM uploads WHERE id = ANY($1::uuid[]) AND uploader_id = $2 ORDER BY id${hold ? ' FOR KEY SHARE' : ''}`,
      [ids, uploaderId],
    );
    return rows.map((row) => row.id);
  }

  /** Locks these uploads for deletion, before asking whether anything still uses them (see ownedBy). */
  async lockForDeletion(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length > 0) await manager.query('SELECT id FROM uploads WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
  }

  async delete(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length > 0) await manager.query('DELETE FROM uploads WHERE id = ANY($1::uuid[])', [ids]);
  }

  async deleteByUploader(uploaderId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM uploads WHERE uploader_id = $1', [uploaderId]);
  }

  /** The member's files with their bytes, one at a time (an export of many photos must not hold them all twice). */
  async *ofUploader(uploaderId: string): AsyncGenerator<UploadRow & { bytes: Buffer }> {
    const ids = await this.db().query<{ id: string }[]>('SELECT id FROM uploads WHERE uploader_id = $1 ORDER BY created_at', [uploaderId]);
    for (const { id } of ids) {
      const [row] = await this.db().query<(UploadRow & { bytes: Buffer })[]>(`SELECT ${COLUMNS}, bytes FROM uploads WHERE id = $1`, [id]);
      if (row) yield row;
    }
  }
}
