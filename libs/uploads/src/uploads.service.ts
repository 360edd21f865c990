import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { UserRepository } from '@harbour/accounts';
import { InvalidInputError, isUuid, NotAuthenticatedError, NotFoundError, RuleRefusedError, UnsupportedMediaError } from '@harbour/common';
import type { UploadDto } from '@harbour/contracts';
import { RateLimiter, SettingsService } from '@harbour/settings';
import { judgeUpload } from './upload-kinds';
import { UploadBytesCache } from './upload-bytes.cache';
import { storedName } from './upload-name';
import { reencodePicture, UndecodablePicture } from './upload-picture';
import { UploadRepository, type NewUpload, type UploadRow } from './upload.repository';
import { uploadIdsIn, UploadUses } from './upload-uses';

const MB = 1024 * 1024;

/** The one part an upload carries (multer's memory storage). */
export interface ReceivedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

/** A file the caller may fetch, with what its headers need. */
export interface OpenedFile {
  upload: UploadRow;
  /** A visitor could fetch it too (it is used in a public post). */
  public: boolean;
}

/** Uploading files (checked by their bytes, pictures re-encoded) and serving them to whom may see them. */
@Injectable()
export class UploadsService {
  /** Thumbnails and small pictures most often served (64 MB in all, none over 1 MB). */
  private readonly cache = new UploadBytesCache(64 * MB, MB);

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploads: UploadRepository,
    private readonly uses: UploadUses,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
  ) {}

  async upload(caller: Caller, file: ReceivedFile | undefined): Promise<UploadDto> {
    this.access.assertCan(caller, { action: 'upload.create' });
    if (!file || file.buffer.length === 0) throw new InvalidInputError('file must be a file (one multipart part named file)');
    const settings = await this.settings.get();
    // Counted before the work: a flood of refused files costs its sender, not the server.
    if (!this.access.can(caller, { action: 'rateLimits.exempt' })) {
      await this.limiter.consume('upload', caller.userId, settings.rateLimits.uploadsPerHour, 3600);
    }
    const prepared = await this.prepare(caller.userId, file);
    const saved = await this.dataSource.transaction(async (manager) => {
      if (!(await this.users.lockUnlessDeleted(caller.userId, manager))) throw new NotAuthenticatedError('Sign in first');
      await this.assertWithinQuota(caller.userId, prepared.bytes.length, settings.uploadQuotaMb, manager);
      return this.uploads.insert(prepared, manager);
    });
    return toUploadDto(saved);
  }

  /** Judged by its bytes (415 otherwise); a picture decoded and encoded again, outside any transaction. */
  private async prepare(uploaderId: string, file: ReceivedFile): Promise<NewUpload> {
    const kind = judgeUpload(file.buffer, file.originalname, file.mimetype);
    if ('refused' in kind) throw new UnsupportedMediaError(kind.refused);
    if (kind.family === 'document') {
      const name = storedName(file.originalname, kind.extension);
      return {
        uploaderId,
        name,
        contentType: kind.contentType,
        family: 'document',
        bytes: file.buffer,
        thumbnail: null,
        width: null,
        height: null,
      };
    }
    try {
      const picture = await reencodePicture(file.buffer, kind.picture!);
      const name = storedName(file.originalname, picture.extension);
      return { uploaderId, name, family: 'picture', ...picture };
    } catch (error) {
      if (error instanceof UndecodablePicture) throw new UnsupportedMediaError('file: this picture cannot be read (damaged or too large)');
      throw error;
    }
  }

  /** The member's row is locked: eight uploads at once take turns here and cannot pass the quota together. */
  private async assertWithinQuota(uploaderId: string, size: number, quotaMb: number, manager: EntityManager): Promise<void> {
    if (quotaMb <= 0) return;
    const used = await this.uploads.totalSize(uploaderId, manager);
    if (used + size > quotaMb * MB) {
      throw new RuleRefusedError(`file: your uploads would pass your quota of ${quotaMb} MB; delete posts with files you no longer need`);
    }
  }

  /**
   * `GET /api/uploads/:id` (and its thumbnail): the same 404 as a missing file for whoever may not see it.
   * A file a visitor may see (used in a public post) every signed-in caller may see too: asked first, it
   * settles most requests with one question.
   */
  async open(caller: Caller | null, id: string): Promise<OpenedFile> {
    const upload = isUuid(id) ? await this.uploads.find(id) : null;
    if (!upload) throw new NotFoundError();
    const isPublic = await this.uses.seenBy(null, id);
    const own = caller !== null && caller.userId === upload.uploaderId;
    const usedWhereSeen = isPublic || (caller !== null && !own && (await this.uses.seenBy(caller, id)));
    if (!this.access.can(caller, { action: 'upload.see', upload, usedWhereSeen })) throw new NotFoundError();
    return { upload, public: isPublic };
  }

  /** The bytes of a file `open` let through (deleted in between: the same 404). */
  async bytes(opened: OpenedFile, variant: 'file' | 'thumbnail'): Promise<Buffer> {
    const key = `${opened.upload.id}:${variant}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const bytes = await this.uploads.bytes(opened.upload.id, variant);
    if (!bytes) throw new NotFoundError();
    this.cache.set(key, bytes);
    return bytes;
  }

  /**
   * Deletes those of these uploads that nothing uses any more (a post or message deleted, in its transaction):
   * the files that only it used go with it.
   */
  /**
   * A post or message is being deleted: the files it used (`usedIds`, its use rows just removed) and those its
   * revisions name among its author's own (an edit took them out of view) go, unless something else uses them.
   * The revision lookup does not hold the files: two deletions sharing one would each wait for the other.
   */
  async forgetReleased(manager: EntityManager, usedIds: string[], earlier: { authorId: string | null; bodies: string[] }): Promise<void> {
    const named = earlier.authorId
      ? await this.uploads.ownedBy(uploadIdsIn(earlier.bodies.join('\n')), earlier.authorId, manager, false)
      : [];
    await this.forgetUnused([...new Set([...usedIds, ...named])], manager);
  }

  async forgetUnused(uploadIds: string[], manager: EntityManager): Promise<void> {
    if (uploadIds.length === 0) return;
    // A post being written with one of these files holds it: wait for it, so its use is counted below.
    await this.uploads.lockForDeletion(uploadIds, manager);
    const used = await this.uses.stillUsed(uploadIds, manager);
    await this.uploads.delete(
      uploadIds.filter((id) => !used.has(id)),
      manager,
    );
  }
}

export function toUploadDto(upload: UploadRow): UploadDto {
  return {
    id: upload.id,
    url: `/api/uploads/${upload.id}`,
    name: upload.name,
    contentType: upload.contentType,
    size: upload.size,
    ...(upload.width !== null && upload.height !== null ? { width: upload.width, height: upload.height } : {}),
  };
}
