import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api/get-me';
import { useSite } from '../auth/api/get-site';
import { Page } from '../../ui/page';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  return (
    <Page title={t('home.title', { site: site.data?.siteName ?? 'Harbour' })}>
      <p>{t('home.intro')}</p>
      <p>{me.data ? t('home.signedIn', { name: me.data.displayName }) : t('home.guest')}</p>
    </Page>
  );
}
