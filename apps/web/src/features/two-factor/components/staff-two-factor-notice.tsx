import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { isSiteStaff, useMe } from '../../../lib/session';
import { useSite } from '../../../lib/site';
import { Alert } from '../../../ui/alert';

/**
 * Staff who have not turned on two-factor where the site requires it act as members (the server decides): this
 * tells them why their tools are closed, and where to turn it on.
 */
export function StaffTwoFactorNotice() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  if (!site.data?.staffTwoFactor || !isSiteStaff(me.data) || me.data?.twoFactor) return null;
  return (
    <Alert kind="info">
      {t('twoFactor.staff.notice')} <Link to="/settings/two-factor">{t('twoFactor.staff.link')}</Link>
    </Alert>
  );
}
