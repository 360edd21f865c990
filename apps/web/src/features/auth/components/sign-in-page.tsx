import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { LoginBody } from '@harbour/contracts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useLogin } from '../api/login';
import { isKeptOut, SignInAppeal } from './sign-in-appeal';
import { TwoFactorStep } from './two-factor-step';
import { useAuthForm } from './use-auth-form';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Back to where the member was sent from (an invitation link, say); only a path on this site.
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const login = useLogin();
  // The password was right and the account uses two-factor: the code step takes over.
  const [needsCode, setNeedsCode] = useState<LoginBody | null>(null);
  // Refused as suspended or banned: the appeal form opens under the refusal, with these credentials.
  const [keptOut, setKeptOut] = useState<LoginBody | null>(null);
  const { formRef, onSubmit, field, formError, busy } = useAuthForm({ login: '', password: '' }, async (values) => {
    setKeptOut(null);
    try {
      await login.mutateAsync(values);
    } catch (error) {
      if (error instanceof ApiError && error.totpRequired) return setNeedsCode(values);
      if (isKeptOut(error)) setKeptOut(values);
      throw error;
    }
    await navigate(target);
  });

  if (needsCode) {
    return <TwoFactorStep credentials={needsCode} onSignedIn={() => void navigate(target)} onBack={() => setNeedsCode(null)} />;
  }

  return (
    <Page title={t('auth.signInTitle')} narrow>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        {formError && <Alert kind="error">{formError}</Alert>}
        <TextField label={t('auth.login')} autoComplete="username" {...field('login')} />
        <TextField label={t('auth.password')} type="password" autoComplete="current-password" {...field('password')} />
        <button type="submit" className="button-primary" disabled={busy}>
          {t('auth.signInSubmit')}
        </button>
      </form>
      {keptOut && <SignInAppeal credentials={keptOut} />}
      <p>
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </Page>
  );
}
