/** Markup-free text of rendered posts, for where their words travel without HTML (snippets, emails). */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Turns entities back into characters (`&amp;` into `&`): text cut from rendered HTML keeps them. Whoever
 * shows the result escapes it again. Control characters are dropped: search uses two as match marks.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (entity: string, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? entity;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    const printable = code >= 32 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return printable ? String.fromCodePoint(code) : '';
  });
}

/**
 * A rendered post as plain text: its tags taken out, its entities decoded. Cut from the HTML, not the
 * Markdown source, so no Markdown syntax shows and censored words stay censored.
 */
export function htmlToText(html: string): string {
  return decodeEntities(markAttachments(html).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where a post shows a picture or links a file, its text says so (🖼 and the picture's alt text, 📎 and the
 * file's name): a notification or an email mentions the attachment, never carries it.
 */
function markAttachments(html: string): string {
  return html
    .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, (_tag, alt: string) => ` 🖼 ${alt} `)
    .replace(/<img\b[^>]*>/g, ' 🖼 ')
    .replace(/<a\b[^>]*\bclass="attachment"[^>]*>/g, (tag) => `${tag}📎 `);
}
