import sharp from 'sharp';
import { UnsupportedMediaError } from '@harbour/common';

/** The square edges (pixels) every uploaded picture is stored at; clients ask for one with `?size=`. */
export const AVATAR_SIZES = [64, 128, 256] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

/** Largest upload: a phone photo with room to spare; anything bigger is a 413 before it is read. */
export const AVATAR_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Decoding stops past this many pixels (a small file can claim a huge canvas: a decompression bomb).
 * 50 megapixels is more than any phone camera makes.
 */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * What the bytes must be, whatever the file's name or claimed type says: the raster formats browsers show.
 * SVG (scripts), PDF, TIFF and the rest are refused; `heif` is AVIF here (sharp's build decodes AV1 only).
 */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

/**
 * Re-encodes an uploaded picture as WebP at each of AVATAR_SIZES. Re-encoding keeps pixels only: EXIF (GPS
 * included), XMP, ICC and comments are gone, and `.rotate()` applies the EXIF orientation first so that a
 * phone photo is not stored sideways once the tag is dropped. Only the first frame of an animation is kept.
 * Anything that is not a picture of an accepted kind is a 415.
 */
export async function reencodeAvatar(bytes: Buffer): Promise<Map<AvatarSize, Buffer>> {
  const format = await formatOf(bytes);
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new UnsupportedMediaError('file must be a JPEG, PNG, WebP, GIF or AVIF picture');
  }
  const encoded = new Map<AvatarSize, Buffer>();
  try {
    for (const size of AVATAR_SIZES) {
      const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize(size, size, { fit: 'cover', position: 'centre' })
        .webp({ quality: 82 });
      encoded.set(size, await image.toBuffer());
    }
  } catch {
    // A truncated or corrupt file that passed the header check: still not a picture we can show.
    throw new UnsupportedMediaError('file must be a JPEG, PNG, WebP, GIF or AVIF picture');
  }
  return encoded;
}

/** The format sharp reads in the bytes' header, or null when they are not an image it knows. */
async function formatOf(bytes: Buffer): Promise<string | null> {
  try {
    const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (metadata.format === 'heif' && metadata.compression !== 'av1') return null;
    return metadata.format ?? null;
  } catch {
    return null;
  }
}

/** The stored size nearest a requested one (a client asking for 100 gets 128). */
export function avatarSizeFor(requested: number | undefined): AvatarSize {
  if (requested === undefined) return 128;
  return AVATAR_SIZES.find((size) => size >= requested) ?? 256;
}
