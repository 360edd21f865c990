import type { WatchedWordAction } from '@harbour/contracts';

/**
 * Watched-word matching, pure. Text and words are folded the same way before comparing, so that the
 * usual dodges do not slip through: case, accents (é → e), compatibility forms (ｆｕｌｌwidth, ligatures),
 * zero-width and other invisible characters, and Cyrillic or Greek letters that look Latin (а, е, о, р, с,
 * ο, ρ…). A word matches whole: not inside a longer word.
 */

export interface WatchedRule {
  word: string;
  action: WatchedWordAction;
}

/** Cyrillic and Greek letters drawn like Latin ones, as spammers use them. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};

/** Invisible characters: format characters (zero-width space, joiners, soft hyphen, BOM) and variation selectors. */
const INVISIBLE = /[\p{Cf}\u034F\uFE00-\uFE0F\u180B-\u180F]/u;
const MARKS = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The folded text, and for each of its characters the index in `text` of the character it came from,
 * so that a match can be masked in the original.
 */
export function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    if (!INVISIBLE.test(char)) {
      for (const piece of char.normalize('NFKD')) {
        if (MARKS.test(piece)) continue;
        const lower = piece.toLowerCase();
        for (const out of LOOK_ALIKES[lower] ?? lower) {
          // Runs of white space count as one, so "two  words" matches the phrase "two words".
          const spaced = /\s/u.test(out) ? ' ' : out;
          if (spaced === ' ' && folded.endsWith(' ')) continue;
          folded += spaced;
          origin.push(index);
        }
      }
    }
    index += char.length;
  }
  return { folded, origin };
}

/** Where each rule's word occurs whole in the folded text: [start, end) indices into the original text. */
function occurrences(text: string, rule: WatchedRule, folding = fold(text)): [number, number][] {
  const word = fold(rule.word).folded.trim();
  if (word === '') return [];
  const { folded, origin } = folding;
  const found: [number, number][] = [];
  for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
    const before = folded[at - 1];
    const after = folded[at + word.length];
    if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    const start = origin[at]!;
    const lastOrigin = origin[at + word.length - 1]!;
    // The end is just past the original character the last folded one came from.
    const end = lastOrigin + String.fromCodePoint(text.codePointAt(lastOrigin)!).length;
    found.push([start, end]);
  }
  return found;
}

/** The first rule with this action that the text contains, or null. */
export function firstMatch<R extends WatchedRule>(text: string, rules: R[], action: WatchedWordAction): R | null {
  const folding = fold(text);
  return rules.find((rule) => rule.action === action && occurrences(text, rule, folding).length > 0) ?? null;
}

/**
 * The text of rendered HTML as a reader sees it: tags dropped, block boundaries kept as spaces (so that
 * `ba<em>d</em>word` is read as "badword", and two paragraphs do not run together).
 */
export function htmlText(html: string): string {
  return html
    .replace(/<\/?(p|li|ul|ol|br|h[1-6]|div|blockquote|pre|tr|td|th|table|hr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Masks every censored word in the text parts of sanitized HTML (never inside a tag or attribute). */
export function censorHtml(html: string, rules: WatchedRule[]): string {
  const censored = rules.filter((rule) => rule.action === 'censor');
  if (censored.length === 0) return html;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : censorText(part, censored)))
    .join('');
}

function censorText(text: string, rules: WatchedRule[]): string {
  const folding = fold(text);
  const spans = rules.flatMap((rule) => occurrences(text, rule, folding)).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start) + '■'.repeat(Math.max(3, [...text.slice(start, end)].length));
    at = end;
  }
  return out + text.slice(at);
}
