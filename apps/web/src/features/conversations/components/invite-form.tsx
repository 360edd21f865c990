import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from '../../../i18n/translator';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { useAddParticipant } from '../api/conversations';
import { useMemberCompletionList } from './member-completion';
import { refusedUsername } from './write-errors';

/** "Add someone": warns first that the person added will read the whole conversation, earlier messages included. */
export function InviteForm({ conversationId, exclude, onDone }: { conversationId: string; exclude: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddParticipant(conversationId);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const completion = useMemberCompletionList({ typed: username, exclude, onChoose: (user) => setUsername(user.username) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim().replace(/^@/, '');
    if (!name) return;
    setError(null);
    try {
      await add.mutateAsync(name);
      setAdded(name);
      setUsername('');
    } catch (caught) {
      setError(inviteError(caught, name, t));
    }
  };

  return (
    <form className="panel invite-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('conversations.invite.title')}</h2>
      <Alert kind="info">{t('conversations.invite.warning')}</Alert>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('conversations.invite.username')}</label>
        <input
          id={`${id}-username`}
          {...completion.inputProps}
          value={username}
          maxLength={30}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the member just opened this form to type a name
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onKeyDown={(event) => completion.onKeyDown(event)}
          onChange={(event) => {
            setUsername(event.target.value);
            setAdded(null);
          }}
        />
        {completion.list}
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {added && <Alert kind="success">{t('conversations.invite.added', { name: added })}</Alert>}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={add.isPending || !username.trim()}>
          {t('conversations.invite.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('conversations.invite.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Why adding someone failed, in the member's words (a refusal names no reason: their choice and blocks look alike). */
function inviteError(error: unknown, name: string, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('conversations.page.failed');
  if (error.status === 403)
    return refusedUsername(error) ? t('conversations.invite.cannotMessage', { name }) : t('conversations.page.refused');
  if (error.status === 404) return t('conversations.invite.notFound', { name });
  if (error.status === 409 || error.status === 422) return t('conversations.invite.full');
  if (error.status === 400 && error.forField('username').length > 0) return error.forField('username').join(' ');
  return t('conversations.page.failed');
}
