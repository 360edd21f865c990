import sharp from 'sharp';
import type { UploadDto } from '@harbour/contracts';
import type { TestApp } from './app';
import type { TestMember } from './factories';

/** Strings a phone writes into a photo's metadata; none may survive an upload. */
export const PHOTO_SECRETS = ['SpyCam', 'SN-99-7731', 'Jane Doe'];

/**
 * A phone photo as it leaves a phone: a maker and a camera serial, an owner's name, GPS coordinates, and
 * "rotate me 90° clockwise". `width` × `height` before rotation.
 */
export async function phonePhoto(options: { width?: number; height?: number } = {}): Promise<Buffer> {
  const { width = 200, height = 100 } = options;
  return sharp({ create: { width, height, channels: 3, background: '#c03030' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'SpyCam', Model: 'X1', Artist: 'Jane Doe' },
      IFD2: { BodySerialNumber: 'SN-99-7731' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2410/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4000/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A small PNG (a screenshot). */
export async function screenshot(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 4, background: '#2060c0' } })
    .png()
    .toBuffer();
}

/** Sends `bytes` to `POST /api/uploads` as the multipart part `file`; answers the raw response. */
export function sendUpload(t: TestApp, who: TestMember, bytes: Buffer, name = 'photo.jpg', contentType?: string) {
  return t
    .http()
    .post('/api/uploads')
    .set(who.auth)
    .attach('file', bytes, contentType ? { filename: name, contentType } : name);
}

/** Uploads a file that must be taken (201). */
export async function upload(t: TestApp, who: TestMember, bytes: Buffer, name = 'photo.jpg'): Promise<UploadDto> {
  const response = await sendUpload(t, who, bytes, name).expect(201);
  return response.body as UploadDto;
}

/** Markdown that shows a picture (`![alt](url)`) or links a file. */
export function pictureMarkdown(file: UploadDto, alt = 'a picture'): string {
  return `![${alt}](${file.url})`;
}

export function fileLinkMarkdown(file: UploadDto): string {
  return `[${file.name}](${file.url})`;
}
