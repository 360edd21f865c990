import { useTranslation } from '../../../i18n/use-translation';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useMe } from '../../../lib/session';
import { useAnswerInvitation, useInvitation } from '../api/groups';

/** Where an emailed invitation link lands: sign in first, then accept or decline. */
export function InvitationPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token');
  const location = useLocation();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const me = useMe();
  const invitation = useInvitation(id, token, Boolean(me.data));
  const answer = useAnswerInvitation();
  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (invitation.isError) {
    return (
      <Page title={t('groups.invitationGone')}>
        <Link to="/groups">{t('groups.back')}</Link>
      </Page>
    );
  }
  if (!invitation.data) return <p>{t('app.loading')}</p>;
  const { group, invitedBy } = invitation.data;
  const respond = async (accept: boolean) => {
    await answer.mutateAsync({ id, token: token ?? undefined, accept });
    await navigate(accept ? `/g/${group.slug}` : '/groups');
  };
  return (
    <Page title={t('groups.invitationTitle', { group: group.name })} narrow>
      <p>{t('groups.invitedBy', { group: group.name, name: invitedBy.displayName })}</p>
      <button type="button" className="button-primary" onClick={() => void respond(true).catch(() => undefined)}>
        {t('groups.accept')}
      </button>{' '}
      <button type="button" className="button-secondary" onClick={() => void respond(false).catch(() => undefined)}>
        {t('groups.decline')}
      </button>
      {answer.isError && <Alert kind="error">{t('auth.errors.generic')}</Alert>}
    </Page>
  );
}
