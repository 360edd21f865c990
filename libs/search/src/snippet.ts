/** Marks PostgreSQL's ts_headline puts around matched words; control characters no post body keeps. */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Turns a headline into safe HTML: everything is escaped, then the match marks become `<mark>` tags.
 * Bodies are Markdown source and may hold any text (a `<script>` included); only `<mark>` survives.
 */
export function snippetHtml(headline: string): string {
  let open = false;
  let html = '';
  for (const char of headline) {
    if (char === MATCH_START && !open) {
      html += '<mark>';
      open = true;
    } else if (char === MATCH_END && open) {
      html += '</mark>';
      open = false;
    } else if (char !== MATCH_START && char !== MATCH_END) {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
