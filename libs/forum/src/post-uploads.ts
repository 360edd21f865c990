import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { NotFoundError } from '@harbour/common';
import { UploadRepository, UploadsService, uploadIdsIn, UploadUses, type UploadUseReader } from '@harbour/uploads';
import { ForumLookup } from './forum-lookup.service';

/** Enough posts to find one the caller sees; a file pasted into more posts than this is rare and stays theirs. */
const POSTS_CHECKED = 20;

/**
 * Which posts use which uploads (`post_uploads`), and forum's answer to "who may fetch this file": whoever may
 * see a live post that uses it, by the same rules as the post itself (a held post: its author and its space's
 * moderators; a hidden one: those who may read hidden posts). Written with the post, in its transaction.
 */
@Injectable()
export class PostUploads implements UploadUseReader {
  readonly name = 'forum';

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploads: UploadRepository,
    private readonly uploadsService: UploadsService,
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    uses: UploadUses,
  ) {
    uses.register(this);
  }

  /** The post now uses the uploads its HTML shows, among its author's own (see UploadUses). */
  async record(manager: EntityManager, postId: string, authorId: string, html: string): Promise<void> {
    const used = await this.uploads.ownedBy(uploadIdsIn(html), authorId, manager);
    await manager.query('DELETE FROM post_uploads WHERE post_id = $1 AND NOT (upload_id = ANY($2::uuid[]))', [postId, used]);
    if (used.length > 0) {
      await manager.query('INSERT INTO post_uploads (post_id, upload_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
        postId,
        used,
      ]);
    }
  }

  /**
   * A post was deleted: the files only it used are deleted with it, in its transaction. "Used" includes the
   * author's files an edit took out of view, which its revisions still name: deleting the post is when they go.
   */
  async release(manager: EntityManager, postId: string): Promise<void> {
    // TypeORM answers a DELETE … RETURNING with [rows, count], not the rows alone.
    const [rows] = await manager.query<[{ upload_id: string }[], number]>(
      'DELETE FROM post_uploads WHERE post_id = $1 RETURNING upload_id',
      [postId],
    );
    const revisions = await manager.query<{ body: string; author_id: string | null }[]>(
      'SELECT r.body, p.author_id FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE r.post_id = $1',
      [postId],
    );
    await this.uploadsService.forgetReleased(
      manager,
      rows.map((row) => row.upload_id),
      { authorId: revisions[0]?.author_id ?? null, bodies: revisions.map((row) => row.body) },
    );
  }

  async seenBy(caller: Caller | null, uploadId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ post_id: string }[]>(
      `SELECT pu.post_id FROM post_uploads pu JOIN posts p ON p.id = pu.post_id
        WHERE pu.upload_id = $1 AND p.deleted_at IS NULL ORDER BY p.hidden, p.created_at LIMIT ${POSTS_CHECKED}`,
      [uploadId],
    );
    for (const { post_id: postId } of rows) {
      try {
        const { post, category, site } = await this.lookup.post(caller, postId);
        const ref = { authorId: post.authorId, wiki: post.wiki, deleted: false };
        if (!post.hidden || this.access.can(caller, { action: 'post.seeHidden', category, site, post: ref })) return true;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return false;
  }

  async stillUsed(uploadIds: string[], manager: EntityManager): Promise<Set<string>> {
    const rows = await manager.query<{ upload_id: string }[]>(
      `SELECT DISTINCT pu.upload_id FROM post_uploads pu JOIN posts p ON p.id = pu.post_id
        WHERE pu.upload_id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
      [uploadIds],
    );
    return new Set(rows.map((row) => row.upload_id));
  }
}
