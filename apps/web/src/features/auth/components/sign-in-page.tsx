import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useLogin } from '../api/login';
import { useAuthForm } from './use-auth-form';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Back to where the member was sent from (an invitation link, say); only a path on this site.
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const login = useLogin();
  const { formRef, onSubmit, field, formError, busy } = useAuthForm({ login: '', password: '' }, async (values) => {
    await login.mutateAsync(values);
    await navigate(target);
  });

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
      <p>
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </Page>
  );
}
