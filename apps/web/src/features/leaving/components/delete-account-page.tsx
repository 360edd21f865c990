import { useTranslation } from 'react-i18next';
import { Page } from '../../../ui/page';

/** Placeholder of issue 15's skeleton: its owner replaces it. */
export function DeleteAccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('leaving.deleteTitle')} narrow>
      {null}
    </Page>
  );
}
