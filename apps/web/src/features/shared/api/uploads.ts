import type { UploadDto } from '@harbour/contracts';
import { apiUpload } from '../../../lib/api-client';

/** `POST /api/uploads`: one file as the multipart part `file`; `onProgress` hears the fraction sent so far. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadDto> {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<UploadDto>('/uploads', form, onProgress);
}

/** A picture the server re-encoded (so it has a thumbnail and asks for a description), not a document. */
export function isPicture(upload: UploadDto): boolean {
  return upload.contentType.startsWith('image/');
}
