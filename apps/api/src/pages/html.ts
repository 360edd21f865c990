/** Markup that is already safe: only `html` below and trusted callers (a post's sanitized html) make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Trusted markup, as is: a post's html, which the server sanitized when it was written. */
export const trusted = (value: string): SafeHtml => new SafeHtml(value);

type Part = string | number | SafeHtml | SafeHtml[] | null | undefined | false;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content and for a quoted attribute value alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * A template whose every value is escaped unless it is SafeHtml (another `html` result): titles, names and
 * descriptions come from members and can hold anything. null, undefined and false print nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((part) => part.value).join('');
  return escapeHtml(String(value));
}
