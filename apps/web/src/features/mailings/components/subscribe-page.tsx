import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { LOCALES, type Locale } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useSubscribe } from '../api/subscribers';

/** The public sign-up to the mailing list; nothing is sent but a confirmation link until it is followed. */
export function SubscribePage() {
  const { t, i18n } = useTranslation();
  const subscribe = useSubscribe();
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language.startsWith('fr') ? 'fr' : 'en');
  const error =
    subscribe.error instanceof ApiError && subscribe.error.status === 429 ? t('mailings.public.tooMany') : subscribe.error?.message;
  return (
    <Page title={t('mailings.public.subscribeTitle')} narrow>
      <p>{t('mailings.public.subscribeIntro')}</p>
      {subscribe.isSuccess ? (
        <Alert kind="success">{t('mailings.public.checkInbox', { email })}</Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            subscribe.mutate({ email: email.trim(), locale });
          }}
        >
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <fieldset>
            <legend>{t('mailings.public.languageQuestion')}</legend>
            {LOCALES.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="locale" value={value} checked={locale === value} onChange={() => setLocale(value)} />
                {t(`mailings.languages.${value}`)}
              </label>
            ))}
          </fieldset>
          {error && <Alert kind="error">{error}</Alert>}
          <button type="submit" className="button-primary" disabled={subscribe.isPending}>
            {t('mailings.public.subscribeSubmit')}
          </button>
        </form>
      )}
      <p className="muted">{t('mailings.public.privacy')}</p>
      <p>
        <Link to="/mailings">{t('mailings.archive.title')}</Link>
      </p>
    </Page>
  );
}
