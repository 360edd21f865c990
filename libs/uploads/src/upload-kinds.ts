/**
 * What an upload is, judged by its first bytes (magic numbers), never by its name or the type the client
 * claims: a file named `photo.png` holding HTML is refused, as is a PNG sent as `application/pdf`.
 * Only the kinds listed here are taken; everything else (SVG, HTML, scripts, executables, archives) is not.
 */

/** A picture: decoded and re-encoded, so nothing but its pixels is kept. */
export type PictureFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface SniffedKind {
  /** `picture`: re-encoded and shown inline; `document`: stored as sent and served only as a download. */
  family: 'picture' | 'document';
  contentType: string;
  /** The extension a download is named with (the member's own name keeps its stem). */
  extension: string;
  picture?: PictureFormat;
}

const PICTURES: Record<PictureFormat, SniffedKind> = {
  jpeg: { family: 'picture', contentType: 'image/jpeg', extension: 'jpg', picture: 'jpeg' },
  png: { family: 'picture', contentType: 'image/png', extension: 'png', picture: 'png' },
  gif: { family: 'picture', contentType: 'image/gif', extension: 'gif', picture: 'gif' },
  webp: { family: 'picture', contentType: 'image/webp', extension: 'webp', picture: 'webp' },
};

const PDF: SniffedKind = { family: 'document', contentType: 'application/pdf', extension: 'pdf' };
const TEXT: SniffedKind = { family: 'document', contentType: 'text/plain; charset=utf-8', extension: 'txt' };
const CSV: SniffedKind = { family: 'document', contentType: 'text/csv; charset=utf-8', extension: 'csv' };

/** Office documents are zip files whose first entries name what they hold. */
const OFFICE: { marker: string; kind: SniffedKind }[] = [
  { marker: 'word/', kind: doc('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx') },
  { marker: 'xl/', kind: doc('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx') },
  { marker: 'ppt/', kind: doc('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx') },
];
const OPEN_DOCUMENT: Record<string, SniffedKind> = {
  'application/vnd.oasis.opendocument.text': doc('application/vnd.oasis.opendocument.text', 'odt'),
  'application/vnd.oasis.opendocument.spreadsheet': doc('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  'application/vnd.oasis.opendocument.presentation': doc('application/vnd.oasis.opendocument.presentation', 'odp'),
};

function doc(contentType: string, extension: string): SniffedKind {
  return { family: 'document', contentType, extension };
}

function startsWith(bytes: Buffer, signature: number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.subarray(start, end).toString('latin1');
}

/** The kind of these bytes, or null when they are none Harbour takes. `name` decides only text versus CSV. */
export function sniffUpload(bytes: Buffer, name: string): SniffedKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return PICTURES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PICTURES.png;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return PICTURES.gif;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return PICTURES.webp;
  if (ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  if (isPlainText(bytes)) return /\.csv$/i.test(name) ? CSV : TEXT;
  return null;
}

/**
 * A zip is an office document when its first entry says so (OpenDocument's stored `mimetype` entry) or one of
 * its entries sits in an Office folder near the start; any other zip could carry anything and is refused.
 */
function officeKind(bytes: Buffer): SniffedKind | null {
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const declared = ascii(bytes, 38, 38 + 60).replace(/PK[\s\S]*$/, '');
    return OPEN_DOCUMENT[declared] ?? null;
  }
  const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
  if (!head.includes('[Content_Types].xml')) return null;
  return OFFICE.find(({ marker }) => head.includes(marker))?.kind ?? null;
}

/**
 * Text a member wrote or exported (notes, a CSV of sites): valid UTF-8 with no control characters but tab
 * and line ends, and nothing a browser would take for markup or a script if it ever sniffed it.
 */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return false;
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (start.startsWith('#!')) return false;
  // Text that opens with a tag, a comment, a doctype or a processing instruction (`<div`, `<img`, `<!--`,
  // `<?php`, `<?xml`) is markup or a script, not notes: browsers that sniff take `<p` or `<b` for HTML too.
  if (/^<[a-z!?/]/.test(start)) return false;
  return !/<(script|svg|html|iframe|object|embed)[\s>/]/.test(text.toLowerCase());
}

/** What a name's extension claims; a refused extension is refused whatever the bytes hold. */
const CLAIMED_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: OFFICE[0]!.kind.contentType,
  xlsx: OFFICE[1]!.kind.contentType,
  pptx: OFFICE[2]!.kind.contentType,
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const REFUSED_EXTENSIONS =
  /\.(svgz?|html?|xhtml|xht|mht|xml|js|mjs|cjs|jsx|ts|vbs|ps1|sh|bash|bat|cmd|com|exe|scr|msi|dll|jar|apk|app|php|py|pl|rb|hta|lnk|reg|swf)$/i;

/** Claimed types that say nothing (a browser that does not know the file): the bytes alone decide. */
const NO_CLAIM = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);
/** Other names browsers give the same kinds (Windows calls every CSV an Excel file). */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'text/comma-separated-values': 'text/csv',
  'application/csv': 'text/csv',
  'application/vnd.ms-excel': 'text/csv',
  'text/x-csv': 'text/csv',
};

function baseType(contentType: string): string {
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return ALIASES[base] ?? base;
}

/** Plain text and CSV are the same bytes: either claim fits either. */
function agrees(claimed: string, kind: SniffedKind): boolean {
  const actual = baseType(kind.contentType);
  if (claimed === actual) return true;
  return ['text/plain', 'text/csv'].includes(claimed) && ['text/plain', 'text/csv'].includes(actual);
}

/**
 * The kind of an upload, or why it is refused (a 415 message): bytes of a kind Harbour takes, and a name
 * and claimed type that do not say otherwise.
 */
export function judgeUpload(bytes: Buffer, name: string, claimedType: string): SniffedKind | { refused: string } {
  if (REFUSED_EXTENSIONS.test(name)) return { refused: 'file: this kind of file (web page, SVG, script or program) is not accepted' };
  const kind = sniffUpload(bytes, name);
  if (!kind) return { refused: 'file must be a picture (JPEG, PNG, GIF, WebP), a PDF, an office document, or plain text or CSV' };
  const claimed = baseType(claimedType);
  if (!NO_CLAIM.has(claimed) && !agrees(claimed, kind)) return { refused: `file: its content is not the ${claimed} it claims to be` };
  const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase();
  const byName = extension ? CLAIMED_BY_EXTENSION[extension] : undefined;
  if (byName && !agrees(byName, kind)) return { refused: `file: its content does not match its name (.${extension})` };
  return kind;
}
