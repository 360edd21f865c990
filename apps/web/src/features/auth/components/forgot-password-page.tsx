import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useRequestPasswordReset } from '../api/password-reset';
import { useAuthForm } from './use-auth-form';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState(false);
  const { formRef, onSubmit, field, formError, busy } = useAuthForm({ email: '' }, async (values) => {
    await request.mutateAsync(values);
    setSent(true);
  });

  return (
    <Page title={t('auth.forgotTitle')} narrow>
      {sent ? (
        <Alert kind="success">{t('auth.forgotSent')}</Alert>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <p>{t('auth.forgotIntro')}</p>
          {formError && <Alert kind="error">{formError}</Alert>}
          <TextField label={t('auth.email')} type="email" autoComplete="email" {...field('email')} />
          <button type="submit" className="button-primary" disabled={busy}>
            {t('auth.forgotSubmit')}
          </button>
        </form>
      )}
    </Page>
  );
}
