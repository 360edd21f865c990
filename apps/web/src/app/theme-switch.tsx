import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation';

type Theme = 'system' | 'light' | 'dark';
const THEMES: Theme[] = ['system', 'light', 'dark'];
/** The same key /theme.js reads before the first paint (apps/web/public/theme.js). */
const STORAGE_KEY = 'harbour.theme';

function storedTheme(): Theme {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** "System" removes the attribute, so the stylesheet's prefers-color-scheme rule decides. */
function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  try {
    if (theme === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage refused: the choice lasts until the page is reloaded.
  }
}

/** Light, dark or the device's setting; remembered on this device (not the account: a phone and a laptop differ). */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <div className="theme-switch">
      <label htmlFor="theme-select">{t('design.theme.label')}</label>
      <select
        id="theme-select"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          applyTheme(next);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`design.theme.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
