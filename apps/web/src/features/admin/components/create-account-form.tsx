import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { Locale } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { useCreateAccount } from '../api/users';

/** Makes an account for someone (a workshop, a phone call): they choose their own password from the mailed link. */
export function CreateAccountForm() {
  const { t, i18n } = useTranslation();
  const create = useCreateAccount();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'fr' ? 'fr' : 'en');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { username: username.trim(), email: email.trim(), locale },
      {
        onSuccess: () => {
          setUsername('');
          setEmail('');
        },
      },
    );
  };
  return (
    <details className="panel">
      <summary>{t('setup.accounts.title')}</summary>
      <p>{t('setup.accounts.intro')}</p>
      <form onSubmit={submit} noValidate className="page-narrow">
        <TextField label={t('auth.username')} value={username} maxLength={30} required onChange={(e) => setUsername(e.target.value)} />
        <TextField label={t('auth.email')} type="email" value={email} maxLength={254} required onChange={(e) => setEmail(e.target.value)} />
        <div className="field">
          <label htmlFor="account-locale">{t('admin.inviteLanguage')}</label>
          <select id="account-locale" value={locale} onChange={(e) => setLocale(e.target.value === 'fr' ? 'fr' : 'en')}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t('setup.accounts.submit')}
        </button>
        {create.isSuccess && <Alert kind="success">{t('setup.accounts.created', { name: create.data.username })}</Alert>}
        {create.error && (
          <Alert kind="error">
            {create.error instanceof ApiError && create.error.status !== 0 ? create.error.messages.join(' ') : t('setup.failed')}
          </Alert>
        )}
      </form>
    </details>
  );
}
