import sharp from 'sharp';
import type { PictureFormat } from './upload-kinds';

/** Pictures are stored no larger than this on their longer edge: enough for a flyer, not a camera's 48 MP. */
export const PICTURE_MAX_EDGE = 2048;
/** The version posts show inline (a phone on metered data loads this, and the full picture on request). */
export const THUMBNAIL_EDGE = 640;
/**
 * Decoding stops past this many pixels (a small file can claim a huge canvas: a decompression bomb). 120 MP
 * takes a 108 MP phone photo; a JPEG is shrunk while it is decoded, so memory stays far below its full size.
 */
const MAX_INPUT_PIXELS = 120_000_000;
/**
 * An animation keeps moving only while it stays this small in all (frames × pixels); past that, its first frame.
 * Re-encoding costs CPU per frame: a 400-frame 540 px GIF took 5.5 s, so the bounds are about a third of that.
 */
const MAX_ANIMATION_PIXELS = 40_000_000;
const MAX_FRAMES = 200;
/** No one picture holds a CPU longer than this (a crafted file that decodes slowly is refused, 415). */
const TIMEOUT = { seconds: 20 };

export interface EncodedPicture {
  bytes: Buffer;
  thumbnail: Buffer;
  contentType: string;
  extension: string;
  width: number;
  height: number;
}

/** Thrown when the bytes began like a picture but do not decode as one (truncated, corrupt, a bomb). */
export class UndecodablePicture extends Error {}

/**
 * Decodes a picture and encodes it again, so that nothing but pixels survives: no EXIF (GPS, camera serial,
 * dates), XMP, IPTC, ICC comments or trailing bytes. The EXIF orientation is applied first (a phone photo is
 * not stored sideways once the tag is gone). JPEG stays JPEG, PNG and still GIF become PNG (lossless for
 * screenshots), WebP stays WebP, and an animated GIF or WebP becomes an animated WebP (it keeps moving, at a
 * fraction of a GIF's weight) unless it is too big, when its first frame is kept.
 */
export async function reencodePicture(input: Buffer, format: PictureFormat): Promise<EncodedPicture> {
  try {
    const animated = await isSmallAnimation(input, format);
    const limitInputPixels = animated ? MAX_ANIMATION_PIXELS : MAX_INPUT_PIXELS;
    const source = sharp(input, { limitInputPixels, failOn: 'error', animated, autoOrient: !animated });
    const resized = source.resize(PICTURE_MAX_EDGE, PICTURE_MAX_EDGE, { fit: 'inside', withoutEnlargement: true });
    const encoder = (animated ? resized.webp({ quality: 80, effort: 2 }) : encodeStill(resized, format)).timeout(TIMEOUT);
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true })
      .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .timeout(TIMEOUT)
      .toBuffer();
    const output = animated ? 'webp' : outputFormat(format);
    return {
      bytes: data,
      thumbnail,
      contentType: `image/${output}`,
      extension: output === 'jpeg' ? 'jpg' : output,
      width: info.width,
      // An animation's height is every frame's, stacked.
      height: info.pageHeight ?? info.height,
    };
  } catch {
    throw new UndecodablePicture();
  }
}

function outputFormat(format: PictureFormat): 'jpeg' | 'png' | 'webp' {
  if (format === 'jpeg' || format === 'webp') return format;
  return 'png';
}

function encodeStill(image: sharp.Sharp, format: PictureFormat): sharp.Sharp {
  const output = outputFormat(format);
  if (output === 'jpeg') return image.jpeg({ quality: 82, mozjpeg: true });
  if (output === 'webp') return image.webp({ quality: 82 });
  return image.png({ compressionLevel: 8 });
}

async function isSmallAnimation(input: Buffer, format: PictureFormat): Promise<boolean> {
  if (format !== 'gif' && format !== 'webp') return false;
  const {
    pages = 1,
    width = 0,
    pageHeight = 0,
  } = await sharp(input, { limitInputPixels: MAX_ANIMATION_PIXELS, animated: true }).metadata();
  return pages > 1 && pages <= MAX_FRAMES && pages * width * pageHeight <= MAX_ANIMATION_PIXELS;
}
