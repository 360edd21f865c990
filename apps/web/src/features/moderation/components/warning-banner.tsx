import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMySanctions } from '../api/moderation';

/** A warning stays in front of the member, on every page, until they have read and acknowledged it. */
export function WarningBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  const mine = useMySanctions(true);
  const unread = mine.data?.items.filter((sanction) => sanction.type === 'warn' && !sanction.acknowledgedAt && !sanction.liftedAt) ?? [];
  if (unread.length === 0 || location.pathname === '/moderation/mine') return null;
  return (
    <div className="alert alert-info" role="status">
      {t('moderation.mine.banner', { count: unread.length })} <Link to="/moderation/mine">{t('moderation.mine.read')}</Link>
    </div>
  );
}
