import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'harbour.language';

/** The member's choice if they made one on this device, else the browser's language, else English. */
function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.languages.some((lang) => lang.toLowerCase().startsWith('fr')) && !navigator.language.toLowerCase().startsWith('en')
    ? 'fr'
    : 'en';
}

/** French is its own chunk, fetched only by a French reader (English is the fallback, always there). */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'fr' && !i18n.hasResourceBundle('fr', 'translation')) {
    const { fr } = await import('./fr');
    i18n.addResourceBundle('fr', 'translation', fr);
  }
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

const initial = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
});

i18n.on('languageChanged', (language) => document.documentElement.setAttribute('lang', language));
document.documentElement.setAttribute('lang', i18n.language);

/** Resolves once the reader's language is loaded: main.tsx renders after it, so no English flashes by first. */
export const languageReady: Promise<void> = loadLanguage(initial).then(async () => {
  await i18n.changeLanguage(initial);
});

export default i18n;
