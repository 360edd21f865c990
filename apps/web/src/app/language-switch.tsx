import { useTranslation } from '../i18n/use-translation';
import { useMe } from '../lib/session';
import { useUpdateMe } from '../features/auth/api/update-me';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** English / French. A signed-in member's choice is also saved to their account (for their emails). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  return (
    <div className="language-switch">
      <label htmlFor="language-select">{t('app.language')}</label>
      <select
        id="language-select"
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value as Language;
          setLanguage(language);
          if (me.data) updateMe.mutate({ locale: language });
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
