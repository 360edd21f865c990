import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useConfirmSubscription } from '../api/subscribers';

/** Where the double opt-in link leads: following it is the consent. */
export function ConfirmSubscriptionPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmSubscription(token);
  return (
    <Page title={t('mailings.public.confirmTitle')} narrow>
      {confirm.data && <Alert kind="success">{t('mailings.public.confirmed', { email: confirm.data.email })}</Alert>}
      {(confirm.isError || !token) && <Alert kind="error">{t('mailings.public.confirmInvalid')}</Alert>}
      {confirm.isPending && token && <p role="status">{t('mailings.public.confirming')}</p>}
      <p>
        <Link to="/mailings">{t('mailings.archive.title')}</Link>
      </p>
    </Page>
  );
}
