import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useConfirmPasswordReset } from '../api/password-reset';
import { useAuthForm } from './use-auth-form';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState(false);
  const { formRef, onSubmit, field, formError, busy } = useAuthForm({ password: '' }, async (values) => {
    await confirm.mutateAsync({ token, password: values.password });
    setDone(true);
  });

  return (
    <Page title={t('auth.resetTitle')} narrow>
      {!token ? (
        <Alert kind="error">{t('auth.resetMissingToken')}</Alert>
      ) : done ? (
        <Alert kind="success">
          {t('auth.resetDone')} <Link to="/sign-in">{t('nav.signIn')}</Link>
        </Alert>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          {formError && <Alert kind="error">{formError}</Alert>}
          <TextField
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint')}
            type="password"
            autoComplete="new-password"
            {...field('password')}
          />
          <button type="submit" className="button-primary" disabled={busy}>
            {t('auth.resetSubmit')}
          </button>
        </form>
      )}
    </Page>
  );
}
