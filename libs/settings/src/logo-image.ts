import sharp from 'sharp';
import { UnsupportedMediaError } from '@harbour/common';

/** Largest logo file accepted; bigger is a 413 before it is read. */
export const LOGO_MAX_BYTES = 4 * 1024 * 1024;
/** The longer side a logo is stored at: the header shows it at 40 px high, sharp on a 3x phone screen. */
const LOGO_MAX_EDGE = 512;
/** Decoding stops past this many pixels (a small file can claim a huge canvas). */
const MAX_INPUT_PIXELS = 50_000_000;
/** Raster formats only, judged by the bytes: SVG can carry scripts, so it is refused like every other kind. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
const REFUSED = 'file must be a JPEG, PNG, WebP or GIF picture';

/** Re-encodes a logo as WebP (transparency kept, metadata dropped); anything but an accepted picture is a 415. */
export async function reencodeLogo(bytes: Buffer): Promise<{ bytes: Buffer; width: number; height: number }> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new UnsupportedMediaError(REFUSED);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(LOGO_MAX_EDGE, LOGO_MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 90 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw new UnsupportedMediaError(REFUSED);
  }
}
