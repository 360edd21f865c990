import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';

/** Where a member lands once their account is deleted: signed out, told it is done. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('leaving.deleteTitle')} narrow>
      <Alert kind="success">{t('leaving.deleted')}</Alert>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </Page>
  );
}
