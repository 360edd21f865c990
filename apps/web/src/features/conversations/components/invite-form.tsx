import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
      const status = caught instanceof ApiError ? caught.status : 0;
      if (status === 403 && caught instanceof ApiError && refusedUsername(caught))
        setError(t('conversations.invite.cannotMessage', { name }));
      else if (status === 404) setError(t('conversations.invite.notFound', { name }));
      else if (status === 409 || status === 422) setError(t('conversations.invite.full'));
      else if (status === 400 && caught instanceof ApiError && caught.forField('username').length > 0)
        setError(caught.forField('username').join(' '));
      else setError(t('conversations.page.failed'));
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
