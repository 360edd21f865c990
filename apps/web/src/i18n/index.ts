import { en } from './en';
import { Translator } from './translator';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'harbour.language';

/**
 * The member's choice if they made one on this device, else the browser's language, else the language the
 * server chose for this page: a server-rendered page is in the site's default language for a browser asking
 * for neither English nor French (apps/api/src/pages/words.ts), and the client keeps it when it takes over.
 */
function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  const first = navigator.language.toLowerCase();
  if (navigator.languages.some((lang) => lang.toLowerCase().startsWith('fr')) && !first.startsWith('en')) return 'fr';
  if (first.startsWith('en')) return 'en';
  return document.documentElement.lang === 'fr' ? 'fr' : 'en';
}

/** French is its own chunk, fetched only by a French reader (English is the fallback, always there). */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'fr' && !i18n.hasResourceBundle('fr')) {
    const { fr } = await import('./fr');
    i18n.addResourceBundle('fr', fr);
    if (later) await addLater('fr');
  }
}

/** Adds a language's en-later.ts / fr-later.ts strings to its dictionary. */
async function addLater(language: Language): Promise<void> {
  const strings = language === 'fr' ? (await import('./fr-later')).frLater : (await import('./en-later')).enLater;
  i18n.addResourceBundle(language, strings);
}

let later: Promise<void> | null = null;

/**
 * The strings of the screens a guest's first page never shows (listed in en-later.ts), loaded once: before
 * any of those screens renders (app/lazy-page.tsx), at start for a page that is not a guest's server-rendered
 * one (main.tsx), and otherwise once that page is usable.
 */
export function loadLaterStrings(): Promise<void> {
  later ??= Promise.all([addLater('en'), i18n.hasResourceBundle('fr') ? addLater('fr') : undefined]).then(() => undefined);
  return later;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

const initial = initialLanguage();
/**
 * The client's one translator (components use it through use-translation.ts): in the reader's language from the
 * start, falling back to English (always loaded) until that language's strings are (languageReady).
 */
export const i18n = new Translator(initial, 'en');
i18n.addResourceBundle('en', en);

i18n.onLanguageChanged((language) => document.documentElement.setAttribute('lang', language));
document.documentElement.setAttribute('lang', i18n.language);

/**
 * Resolves once the reader's language is loaded (and, on a page the server did not render for a guest, the
 * later strings too): main.tsx renders after it, so no English and no missing string flashes by first.
 */
export const languageReady: Promise<void> = loadLanguage(initial).then(async () => {
  if (!document.getElementById('server-page')) await loadLaterStrings();
});
