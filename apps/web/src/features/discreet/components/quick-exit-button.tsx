import { useTranslation } from '../../../i18n/use-translation';
import { useSite } from '../../../lib/site';
import './quick-exit.css';

/** The site's default (libs/settings), until /api/site has answered. */
const FALLBACK_URL = 'https://www.google.com/';

/**
 * The quick exit, in every page's header for visitors and members: a plain link to the site's quickExitUrl,
 * which public/quick-exit.js (loaded before the client) turns into a location.replace, with the sign-out a
 * member chose. Without that script it is still a link that leaves.
 */
export function QuickExitButton() {
  const { t } = useTranslation();
  const url = useSite().data?.quickExitUrl ?? FALLBACK_URL;
  return (
    <a href={url} className="quick-exit" data-quick-exit="" rel="noreferrer" title={t('discreet.quickExitHint')}>
      {t('discreet.quickExit')}
    </a>
  );
}
