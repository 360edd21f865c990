import { Link, useSearchParams } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useAlertsUnsubscribe } from '../api/alert-settings';

/**
 * The alert email's unsubscribe link: opening it changes nothing (mail scanners follow links), the button does.
 * No sign-in needed: the token says whose alerts stop.
 */
export function AlertsUnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useAlertsUnsubscribe();
  return (
    <Page title={t('alerts.unsubscribe.title')} narrow>
      {unsubscribe.isSuccess ? (
        <>
          <Alert kind="success">{t('alerts.unsubscribe.done')}</Alert>
          <p>
            <Link to="/settings/notifications">{t('alerts.unsubscribe.settings')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('alerts.unsubscribe.question')}</p>
          {unsubscribe.error && <Alert kind="error">{t('alerts.unsubscribe.failed')}</Alert>}
          <button
            type="button"
            className="button-primary"
            disabled={!token || unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(token)}
          >
            {t('alerts.unsubscribe.button')}
          </button>
        </>
      )}
    </Page>
  );
}
