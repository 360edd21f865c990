import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { MeDto } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useChangeEmail, useResendVerification } from '../api/account';
import { useAccountForm } from './account-form';

/** /settings/email: the address and whether it is confirmed, the link again, and moving to another address. */
export function EmailPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('selfService.emailTitle')} narrow>
      {me.data ? <EmailSettings me={me.data} /> : t('app.loading')}
    </Page>
  );
}

function EmailSettings({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const change = useChangeEmail();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { formRef, onSubmit, field, formError, busy } = useAccountForm({ email: '', password: '' }, 'password', async (values) => {
    setSentTo(null);
    await change.mutateAsync(values);
    setSentTo(values.email.trim().toLowerCase());
  });

  return (
    <>
      <p>
        {t('selfService.email.current', { email: me.email })}{' '}
        <strong>{me.emailVerified ? t('selfService.email.verified') : t('selfService.email.unverified')}</strong>
      </p>
      {!me.emailVerified && (
        <p>
          <button type="button" disabled={resend.isPending || resend.isSuccess} onClick={() => resend.mutate()}>
            {t('selfService.email.resend')}
          </button>
        </p>
      )}
      {resend.isSuccess && <Alert kind="success">{t('selfService.email.resent', { email: me.email })}</Alert>}
      {resend.isError && <Alert kind="error">{t('selfService.failed')}</Alert>}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('selfService.email.changeLegend')}</legend>
          {formError && <Alert kind="error">{formError}</Alert>}
          {sentTo && <Alert kind="success">{t('selfService.email.sent', { email: sentTo, old: me.email })}</Alert>}
          <TextField label={t('selfService.email.newAddress')} type="email" autoComplete="email" {...field('email')} />
          <TextField label={t('selfService.email.password')} type="password" autoComplete="current-password" {...field('password')} />
          <button type="submit" className="button-primary" disabled={busy}>
            {t('selfService.email.submit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
