import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';
import { toUploadDto } from './uploads.service';
import { UploadRepository } from './upload.repository';

/**
 * A member's files, for the export (`uploads/files/<id>-<name>` and `uploads.json`) and the deletion. Deleting
 * or anonymizing an account deletes every file the member uploaded: a photo can name someone even when the
 * post around it is kept under `deleted-<n>`.
 */
@Injectable()
export class UploadsMemberData implements MemberDataPart {
  readonly name = 'uploads';

  constructor(
    private readonly uploads: UploadRepository,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId }: ExportedMember): Promise<Record<string, ExportFile>> {
    const files: Record<string, ExportFile> = {};
    const listed: unknown[] = [];
    for await (const upload of this.uploads.ofUploader(userId)) {
      const path = `uploads/files/${upload.id}-${upload.name}`;
      files[path] = new Uint8Array(upload.bytes);
      listed.push({ ...toUploadDto(upload), createdAt: upload.createdAt.toISOString(), file: path });
    }
    return { ...files, 'uploads.json': listed };
  }

  async erase({ userId }: ErasedMember, manager: EntityManager): Promise<void> {
    await this.uploads.deleteByUploader(userId, manager);
  }
}
