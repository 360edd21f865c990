import { useTranslation } from '../../../i18n/use-translation';
import { Link, useLocation } from 'react-router';
import { useMySanctions } from '../api/moderation';
import { useFollowSanctions, useSilence } from '../../shared/api/silence';

/**
 * A warning stays in front of the member, on every page, until they have read and acknowledged it; a silence
 * is said on every page, with the moderators' own message and its end, before the member starts to type.
 */
export function WarningBanner() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const mine = useMySanctions(true);
  const silence = useSilence();
  useFollowSanctions();
  const unread = mine.data?.items.filter((sanction) => sanction.type === 'warn' && !sanction.acknowledgedAt && !sanction.liftedAt) ?? [];
  const onOwnPage = location.pathname === '/moderation/mine';
  return (
    <>
      {silence && (
        <div className="alert alert-error silenced-banner" role="status">
          <p>
            {t('moderation11.silenced.banner', {
              date: new Date(silence.until).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }),
            })}
          </p>
          <p>{t('moderation11.silenced.reason', { reason: silence.reason })}</p>
          {!onOwnPage && <Link to="/moderation/mine">{t('moderation11.silenced.details')}</Link>}
        </div>
      )}
      {unread.length > 0 && !onOwnPage && (
        <div className="alert alert-info" role="status">
          {t('moderation.mine.banner', { count: unread.length })} <Link to="/moderation/mine">{t('moderation.mine.read')}</Link>
        </div>
      )}
    </>
  );
}
