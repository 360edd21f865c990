import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useRequestPasswordReset } from '../api/password-reset';
import { useAuthForm } from './use-auth-form';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);
  const form = useAuthForm({ email: '' }, async (values) => {
    await request.mutateAsync(values);
    setSent(true);
  });

  return (
    <Page title={t('auth.forgotTitle')} narrow>
      {sent ? (
        <Alert kind="success">{t('auth.forgotSent')}</Alert>
      ) : (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
          <p>{t('auth.forgotIntro')}</p>
          {form.formError && <Alert kind="error">{form.formError}</Alert>}
          <TextField label={t('auth.email')} type="email" autoComplete="email" {...form.field('email')} />
          <button type="submit" className="button-primary" disabled={form.busy}>
            {t('auth.forgotSubmit')}
          </button>
        </form>
      )}
    </Page>
  );
}
