import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import type { DeletedPosts } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { PostsChoice, type PostsChoiceOption } from '../../shared/components/posts-choice';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useDeleteAccount } from '../api/delete-account';
import { describeLeavingError, type LeavingField } from './leaving-errors';

/**
 * /settings/delete: both choices for the member's posts explained, the password (and the second factor when
 * it is on), then a confirmation naming the choice made. Nothing is sent before the confirmation.
 */
export function DeleteAccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const remove = useDeleteAccount();
  const [posts, setPosts] = useState<DeletedPosts | null>(null);
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<{ field: LeavingField | 'posts' | null; message: string } | null>(null);
  const twoFactor = me.data?.twoFactor === true;

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (posts === null) return setProblem({ field: 'posts', message: t('leaving.choiceLegend') });
    if (password === '') return setProblem({ field: 'password', message: t('leaving.errors.required') });
    if (twoFactor && totp.trim() === '') return setProblem({ field: 'totp', message: t('leaving.errors.wrongCode') });
    setProblem(null);
    setConfirming(true);
  };

  const confirm = async () => {
    if (posts === null) return;
    const code = totp.trim().replace(/^(\d{3})\s+(\d{3})$/, '$1$2');
    try {
      await remove.mutateAsync({ password, posts, ...(twoFactor && code ? { totp: code } : {}) });
      // A fresh page load: nothing of the old session (cached answers, the socket) stays in this tab.
      window.location.replace('/account-deleted');
    } catch (error) {
      setConfirming(false);
      setProblem(describeLeavingError(error, t));
    }
  };

  const choices: PostsChoiceOption[] = [
    { value: 'delete', label: t('leaving.choiceDelete'), help: t('leaving.choiceDeleteHelp') },
    { value: 'anonymize', label: t('leaving.choiceAnonymize'), help: t('leaving.choiceAnonymizeHelp') },
  ];

  return (
    <Page title={t('leaving.deleteTitle')} narrow>
      <p>{t('leaving.deleteIntro')}</p>
      <p>
        <Link to="/settings/export">{t('leaving.exportFirst')}</Link>
      </p>
      <form onSubmit={ask} noValidate>
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        <PostsChoice
          name="posts"
          legend={t('leaving.choiceLegend')}
          options={choices}
          value={posts}
          onChange={setPosts}
          error={problem?.field === 'posts' ? problem.message : undefined}
        />
        <TextField
          label={t('leaving.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          error={problem?.field === 'password' ? problem.message : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        {twoFactor && (
          <TextField
            label={t('leaving.totp')}
            autoComplete="one-time-code"
            maxLength={20}
            value={totp}
            error={problem?.field === 'totp' ? problem.message : undefined}
            onChange={(event) => setTotp(event.target.value)}
          />
        )}
        <button type="submit" className="button-danger">
          {t('leaving.deleteButton')}
        </button>
      </form>
      {confirming && posts !== null && (
        <Dialog title={t('leaving.confirmTitle')} onClose={() => setConfirming(false)}>
          <p>{posts === 'delete' ? t('leaving.confirmDelete') : t('leaving.confirmAnonymize')}</p>
          <div className="form-actions">
            <button type="button" className="button-danger" disabled={remove.isPending} onClick={() => void confirm()}>
              {t('leaving.confirmButton')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('leaving.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
