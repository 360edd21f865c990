/*
 * The client's translator: dictionaries by language, lookup by dotted key, `{{name}}` placeholders and plural
 * forms (`key_zero` for 0 when given, then `key_one`, `key_other`, … chosen by Intl.PluralRules), falling back to English. It does what the
 * client asked of i18next and nothing more: i18next and react-i18next were ~16 KB of compressed JavaScript on
 * every first load and ~250 ms of a 50-post topic page's start on a slow phone (npm run bench:web's profile).
 */

/** A dictionary: nested objects whose leaves are strings. */
export interface Dictionary {
  [key: string]: string | Dictionary;
}

/** Values for a string's `{{placeholders}}`; `count` also picks the plural form; `defaultValue` when no language has the key. */
export type TranslationValues = Record<string, string | number | boolean | null | undefined> & { count?: number; defaultValue?: string };

export type TFunction = (key: string, values?: TranslationValues) => string;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

function lookup(dictionary: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Copies `from` into `into`, nested objects merged, strings of `from` winning. */
function merge(into: Dictionary, from: Dictionary): Dictionary {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'string' || typeof existing !== 'object' ? value : merge({ ...existing }, value);
  }
  return into;
}

export class Translator {
  private readonly dictionaries = new Map<string, Dictionary>();
  private readonly pluralRules = new Map<string, Intl.PluralRules>();
  private readonly listeners = new Set<(language: string) => void>();
  private current: string;
  /** One `t` per language: a stable function while the language stays, a new one when it changes. */
  private bound: TFunction;

  constructor(
    language: string,
    private readonly fallback: string,
  ) {
    this.current = language;
    this.bound = this.bind(language);
  }

  get language(): string {
    return this.current;
  }

  /** `t` for the current language. */
  get t(): TFunction {
    return this.bound;
  }

  hasResourceBundle(language: string): boolean {
    return this.dictionaries.has(language);
  }

  /** Adds strings to a language's dictionary (merged into what it has). */
  addResourceBundle(language: string, strings: Dictionary): void {
    this.dictionaries.set(language, merge({ ...(this.dictionaries.get(language) ?? {}) }, strings));
  }

  changeLanguage(language: string): void {
    if (language === this.current) return;
    this.current = language;
    this.bound = this.bind(language);
    for (const listener of this.listeners) listener(language);
  }

  /** Called after each change of language; returns the way to stop listening. */
  onLanguageChanged(listener: (language: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  translate(language: string, key: string, values: TranslationValues = {}): string {
    const text = this.find(language, key, values.count) ?? this.find(this.fallback, key, values.count) ?? values.defaultValue ?? key;
    return text.includes('{{')
      ? text.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])))
      : text;
  }

  private bind(language: string): TFunction {
    return (key, values) => this.translate(language, key, values);
  }

  private find(language: string, key: string, count: number | undefined): string | undefined {
    const dictionary = this.dictionaries.get(language);
    if (typeof count === 'number') {
      // `key_zero` first for 0 ("none unread"), where a language has one, as i18next did; then the language's rule.
      const plural =
        (count === 0 ? lookup(dictionary, `${key}_zero`) : undefined) ??
        lookup(dictionary, `${key}_${this.pluralRule(language).select(count)}`) ??
        lookup(dictionary, `${key}_other`);
      if (plural !== undefined) return plural;
    }
    return lookup(dictionary, key);
  }

  /** Made once per language (building one costs as much as a date formatter, see lib/dates.ts). */
  private pluralRule(language: string): Intl.PluralRules {
    let rule = this.pluralRules.get(language);
    if (!rule) {
      rule = new Intl.PluralRules(language);
      this.pluralRules.set(language, rule);
    }
    return rule;
  }
}
