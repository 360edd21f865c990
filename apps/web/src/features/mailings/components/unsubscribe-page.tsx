import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useAddressState, useChangeAddress } from '../api/subscribers';

/**
 * Where a mailing's footer link leads: one button, no account. Opening the link changes nothing, so a mail
 * scanner that follows links cannot unsubscribe anyone (mail clients' own button is RFC 8058's one click).
 */
export function MailingUnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const state = useAddressState(token);
  const change = useChangeAddress(token);
  const email = state.data?.email ?? '';
  const unsubscribed = state.data && state.data.status !== 'subscribed' && state.data.status !== 'pending' && state.data.status !== 'none';
  return (
    <Page title={t('mailings.public.unsubscribeTitle')} narrow>
      {(state.isError || !token) && <Alert kind="error">{t('mailings.public.unsubscribeInvalid')}</Alert>}
      {state.data &&
        (unsubscribed ? (
          <>
            <Alert kind="success">{t('mailings.public.unsubscribed', { email })}</Alert>
            {state.data.status === 'unsubscribed' && (
              <button type="button" onClick={() => change.mutate('resubscribe')} disabled={change.isPending}>
                {t('mailings.public.resubscribe')}
              </button>
            )}
          </>
        ) : (
          <>
            <p>{t('mailings.public.unsubscribeQuestion', { email })}</p>
            <button type="button" className="button-primary" onClick={() => change.mutate('unsubscribe')} disabled={change.isPending}>
              {t('mailings.public.unsubscribeSubmit')}
            </button>
            {change.isSuccess && change.data.status === 'subscribed' && (
              <Alert kind="success">{t('mailings.public.resubscribed', { email })}</Alert>
            )}
          </>
        ))}
      {change.error && <Alert kind="error">{change.error.message}</Alert>}
      <p>
        <Link to="/mailings">{t('mailings.archive.title')}</Link>
      </p>
    </Page>
  );
}
