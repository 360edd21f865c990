import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useVerifyEmail } from '../api/account';

/** /verify-email?token=…: the link from the email, followed once (a new account, or a change of address). */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmail();
  const me = useMe();
  // A link is spent by its first use: React's development double effects must not send it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  const failure =
    verify.error instanceof ApiError && verify.error.status === 409 ? 'selfService.verify.taken' : 'selfService.verify.failed';
  return (
    <Page title={t('selfService.verifyTitle')} narrow>
      {!token && <Alert kind="error">{t('selfService.verify.missing')}</Alert>}
      {token && verify.isPending && <p role="status">{t('selfService.verify.checking')}</p>}
      {verify.isError && <Alert kind="error">{t(failure)}</Alert>}
      {verify.isSuccess && <Alert kind="success">{t('selfService.verify.done')}</Alert>}
      {(verify.isSuccess || verify.isError) && (
        <p>
          <Link to={me.data ? '/settings/email' : '/sign-in'}>{t('selfService.verify.continue')}</Link>
        </p>
      )}
    </Page>
  );
}
