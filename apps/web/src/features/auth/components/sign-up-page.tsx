import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useSite } from '../../../lib/site';
import { useRegister } from '../api/register';
import { useAuthForm } from './use-auth-form';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const register = useRegister();
  const site = useSite();
  const [params] = useSearchParams();
  const invitation = params.get('invitation') ?? undefined;
  // Registered without a session yet: waiting for an admin, or for the emailed link (with the address typed).
  const [pending, setPending] = useState<{ status: 'pending' | 'verify_email'; email: string } | null>(null);
  const { formRef, onSubmit, field, formError, busy } = useAuthForm({ username: '', email: '', password: '' }, async (values) => {
    const result = await register.mutateAsync({ ...values, locale: i18n.language === 'fr' ? 'fr' : 'en', invitation });
    if ('user' in result) await navigate('/');
    else setPending({ status: result.status, email: values.email.trim() });
  });

  if (pending?.status === 'verify_email') {
    return (
      <Page title={t('selfService.verifyTitle')} narrow>
        <Alert kind="success">{t('selfService.signUpCheckEmail', { email: pending.email })}</Alert>
        <p className="muted">{t('selfService.signUpCheckEmailHint')}</p>
      </Page>
    );
  }
  if (pending) {
    return (
      <Page title={t('auth.signUpTitle')} narrow>
        <Alert kind="success">{t('auth.pending')}</Alert>
      </Page>
    );
  }
  return (
    <Page title={t('auth.signUpTitle')} narrow>
      {invitation ? (
        <Alert kind="info">{t('auth.invited')}</Alert>
      ) : (
        site.data?.registrationMode === 'invite' && <Alert kind="info">{t('auth.inviteOnly')}</Alert>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        {formError && <Alert kind="error">{formError}</Alert>}
        <TextField label={t('auth.username')} hint={t('auth.usernameHint')} autoComplete="username" {...field('username')} />
        <TextField label={t('auth.email')} hint={t('auth.emailHint')} type="email" autoComplete="email" {...field('email')} />
        <TextField
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
          {...field('password')}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {t('auth.signUpSubmit')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </Page>
  );
}
