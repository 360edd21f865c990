export { Upload } from './upload.entity';
export { UploadsModule } from './uploads.module';
export { UploadsService, toUploadDto } from './uploads.service';
export { UploadRepository } from './upload.repository';
export { UploadUses, uploadIdsIn } from './upload-uses';
export type { UploadUseReader } from './upload-uses';
