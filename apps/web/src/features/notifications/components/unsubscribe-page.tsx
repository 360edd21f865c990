import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useUnsubscribe } from '../api/notifications';
import { notificationTypeName } from './notification-text';

/**
 * Where an email's "stop emails like this one" link leads. It asks for a click rather than acting on
 * page load, so that a mail scanner opening links does not unsubscribe anyone.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();
  return (
    <Page title={t('notifications.unsubscribeTitle')} narrow>
      {unsubscribe.isSuccess ? (
        <Alert kind="success">
          {t(unsubscribe.data.kind === 'digest' ? 'notifications.unsubscribedDigest' : 'notifications.unsubscribed', {
            kind: notificationTypeName(t, unsubscribe.data.kind),
          })}
        </Alert>
      ) : (
        <>
          <p>{t('notifications.unsubscribeIntro')}</p>
          <button type="button" disabled={!token || unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
            {t('notifications.unsubscribeSubmit')}
          </button>
        </>
      )}
      {(unsubscribe.isError || !token) && <Alert kind="error">{t('notifications.unsubscribeInvalid')}</Alert>}
      <p>
        <Link to="/settings/notifications">{t('notifications.preferences')}</Link>
      </p>
    </Page>
  );
}
