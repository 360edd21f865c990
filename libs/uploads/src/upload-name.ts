/** Longest stem kept of a member's file name (the extension is added after it). */
const MAX_STEM = 150;

/**
 * The name a file is stored and downloaded under: the member's own stem (no folders, no control characters,
 * no lone surrogates) and the extension of what the bytes are, so a download is never named for another kind.
 */
export function storedName(original: string, extension: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const stem = base
    // Lone surrogates (a malformed name) cannot be stored as text: dropped, as the replacement character.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/g, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, '')
    // Direction overrides: "invoice\u202Efdp.png" shows as "invoicegnp.pdf", a download dressed as another kind.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const cut = Array.from(stem).slice(0, MAX_STEM).join('').trim();
  return `${cut || 'file'}.${extension}`;
}

/** `Content-Disposition` with the name in both forms (RFC 6266): an ASCII fallback and the UTF-8 original. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
