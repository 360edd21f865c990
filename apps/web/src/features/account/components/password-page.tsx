import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useChangePassword } from '../api/account';
import { useAccountForm } from './account-form';

/** /settings/password: the current password again, then the new one; every other device is signed out. */
export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const { formRef, onSubmit, field, formError, busy } = useAccountForm(
    { currentPassword: '', newPassword: '' },
    'currentPassword',
    async (values) => {
      setDone(false);
      await change.mutateAsync(values);
      setDone(true);
    },
  );

  return (
    <Page title={t('selfService.passwordTitle')} narrow>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        {formError && <Alert kind="error">{formError}</Alert>}
        {done && <Alert kind="success">{t('selfService.password.changed')}</Alert>}
        <TextField
          label={t('selfService.password.current')}
          type="password"
          autoComplete="current-password"
          {...field('currentPassword')}
        />
        <TextField
          label={t('selfService.password.new')}
          hint={t('selfService.password.newHint')}
          type="password"
          autoComplete="new-password"
          {...field('newPassword')}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {t('selfService.password.submit')}
        </button>
      </form>
    </Page>
  );
}
