import { crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import type { UploadDto } from '@harbour/contracts';
import type { TestApp } from './app';
import { sql } from './database';
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

/** Strings a PNG's text chunks and XMP packet carry (a comment, an author, a creator tool); none may survive. */
export const PNG_SECRETS = ['secret-comment-4471', 'Jane iTXt Doe', 'XMP-creator-Jane'];

/** A PNG chunk (length, type, data, CRC), as a writer of metadata appends it. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/**
 * A screenshot carrying a tEXt comment, an iTXt author and an uncompressed XMP packet (iTXt
 * `XML:com.adobe.xmp`), right after its header: the way editors and phones leave them, readable as bytes.
 */
export async function pngWithMetadata(): Promise<Buffer> {
  const png = await screenshot();
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="${PNG_SECRETS[2]}"/></rdf:RDF></x:xmpmeta>`;
  const chunks = [
    pngChunk('tEXt', Buffer.from(`Comment\0${PNG_SECRETS[0]}`, 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('Author\0\0\0\0\0', 'latin1'), Buffer.from(PNG_SECRETS[1]!)])),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp)])),
  ];
  // 8 bytes of signature and the 25 of IHDR: the chunks go where writers put them, before the pixels.
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

/** A PNG whose header claims `width` × `height` (a decompression bomb's promise) over a 1×1 picture's data. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000000' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** An animated GIF of `colours.length` frames of 16×16, 100 ms each, looping. */
export async function animatedGif(colours = ['#ff0000', '#00ff00', '#0000ff']): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width: 16, height: 16, channels: 3, background } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), { raw: { width: 16, height: 16 * frames.length, channels: 3, pageHeight: 16 } })
    .gif({ delay: frames.map(() => 100), loop: 0 })
    .toBuffer();
}

/** A plain JPEG photo of `width` × `height` (one colour: small to send whatever its size). */
export async function plainPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#507090' } })
    .jpeg()
    .toBuffer();
}

/** The smallest office documents Word, Excel and LibreOffice would recognize as theirs (zip files). */
export function officeDocument(kind: 'docx' | 'xlsx' | 'odt'): Buffer {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  if (kind === 'odt') {
    return Buffer.from(
      zipSync({
        // OpenDocument's first entry: its type, stored uncompressed.
        mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': strToU8('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
        'META-INF/manifest.xml': strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
      }),
    );
  }
  const part = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8(types), [part]: strToU8('<document/>') }));
}

/** Office content types, as served. */
export const OFFICE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

/** How many files are stored (all, or one member's): what a refused upload must leave unchanged. */
export async function storedUploads(t: TestApp, uploaderId?: string): Promise<number> {
  const [row] = await sql<{ count: string }>(
    t.databaseUrl,
    `SELECT count(*) AS count FROM uploads${uploaderId ? ' WHERE uploader_id = $1' : ''}`,
    uploaderId ? [uploaderId] : [],
  );
  return Number(row!.count);
}

/** The stored file as `who` fetches it (null: a visitor), with its status: 200 and the bytes, or 404. */
export async function fetchUpload(t: TestApp, who: TestMember | null, file: Pick<UploadDto, 'url'>): Promise<number> {
  const request = t.http().get(file.url);
  return (await (who ? request.set(who.auth) : request)).status;
}

/** A request body with its Content-Type, sent as it is. */
export interface RawBody {
  type: string;
  body: Buffer;
}

const BOUNDARY = 'harbour-test-boundary-1234';

/**
 * A multipart body written by hand (headers in UTF-8, as browsers send them): what a hostile client sends
 * (two files, a field, a name with a NUL) is not what supertest's `attach` would.
 */
export function multipartBody(parts: { disposition: string; body: Buffer; type?: string }[]): RawBody {
  const chunks = parts.flatMap(({ disposition, body, type }) => [
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`),
    body,
    Buffer.from('\r\n'),
  ]);
  return { type: `multipart/form-data; boundary=${BOUNDARY}`, body: Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]) };
}

/** The Content-Disposition of the part `file`, with the file name parameter(s) given as they are. */
export function filePart(filename: string): string {
  return `form-data; name="file"; ${filename}`;
}

/** Sends `POST /api/uploads` a body as it is. */
export function sendRaw(t: TestApp, who: TestMember, { type, body }: RawBody) {
  return t.http().post('/api/uploads').set(who.auth).set('Content-Type', type).send(body);
}

/** Whether the file's row is still stored (a deletion must remove it, not only hide it). */
export async function uploadExists(t: TestApp, id: string): Promise<boolean> {
  return (await sql(t.databaseUrl, 'SELECT 1 FROM uploads WHERE id = $1', [id])).length > 0;
}

/** A JPEG or WebP as an editor leaves it: EXIF (an owner, a camera serial), an XMP packet and an ICC profile. */
export async function taggedPicture(format: 'jpeg' | 'webp'): Promise<Buffer> {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="${PNG_SECRETS[2]}"/></rdf:RDF></x:xmpmeta>`;
  const image = sharp({ create: { width: 48, height: 32, channels: 3, background: '#a05010' } })
    .withExif({ IFD0: { Artist: PHOTO_SECRETS[2]! }, IFD2: { BodySerialNumber: PHOTO_SECRETS[1]! } })
    .withXmp(xmp)
    .withIccProfile('p3');
  return (format === 'jpeg' ? image.jpeg() : image.webp()).toBuffer();
}
