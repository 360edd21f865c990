import { Link, useLocation } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { formatDateTime } from '../../../lib/dates';
import { useMe } from '../../../lib/session';
import { useClearEmailProblem } from '../api/account';

/**
 * Mail to the member's address bounced or was marked as spam, and the site stopped emailing them (issue 21):
 * said on every page until they change the address or say it works again, since they would otherwise never
 * learn why notifications stopped coming.
 */
export function EmailProblemBanner() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useMe().data;
  const clear = useClearEmailProblem();
  const problem = me?.emailProblem;
  if (!me || !problem) return null;
  const words = { email: me.email, date: formatDateTime(problem.at, i18n.language) };
  return (
    <div className="alert alert-error email-problem-banner" role="status">
      <p>{t(problem.kind === 'bounced' ? 'mailProblem.bounced' : 'mailProblem.complained', words)}</p>
      <p>{t('mailProblem.securityStill')}</p>
      <div className="button-row">
        {location.pathname !== '/settings/email' && (
          <Link className="button-secondary" to="/settings/email">
            {t('mailProblem.change')}
          </Link>
        )}
        <button type="button" className="button-secondary" disabled={clear.isPending} onClick={() => clear.mutate()}>
          {t('mailProblem.works')}
        </button>
      </div>
      {clear.isError && <p role="alert">{t('mailProblem.failed')}</p>}
    </div>
  );
}
