import { Link } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { Page } from '../../../ui/page';

/** What is not there, or not for this reader: the same page either way, with the way back to the alerts. */
export function AlertsNotFound({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title ?? t('app.notFound')}>
      <Link to="/alerts">{t('alerts.back')}</Link>
    </Page>
  );
}
