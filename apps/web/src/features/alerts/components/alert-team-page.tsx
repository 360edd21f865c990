import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useAddToAlertTeam, useAlertTeam, useRemoveFromAlertTeam } from '../api/alert-team';
import { RegionsEditor } from './regions-editor';

/** Admins name the members who publish alerts and read the reports (admins themselves always may). */
export function AlertTeamPage() {
  const { t, i18n } = useTranslation();
  const team = useAlertTeam();
  const add = useAddToAlertTeam();
  const remove = useRemoveFromAlertTeam();
  const [username, setUsername] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(username, { onSuccess: () => setUsername('') });
  };
  const addError = add.error instanceof ApiError && add.error.status === 404 ? t('alerts.team.unknown', { username }) : add.error?.message;
  const items = team.data?.items ?? [];
  return (
    <Page title={t('alerts.team.page')} narrow>
      <p>{t('alerts.team.intro')}</p>
      {items.length === 0 && !team.isPending ? (
        <EmptyState title={t('alerts.team.none')} />
      ) : (
        <ul className="plain-list" aria-label={t('alerts.team.title')}>
          {items.map(({ user, addedAt }) => (
            <li key={user.id} className="form-actions">
              <span>
                <strong>{user.displayName}</strong> @{user.username}{' '}
                <span className="muted">{t('alerts.team.since', { date: formatDateTime(addedAt, i18n.language) })}</span>
              </span>
              <button type="button" className="button-small" disabled={remove.isPending} onClick={() => remove.mutate(user.id)}>
                {t('alerts.team.remove', { username: user.username })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <Alert kind="error">{remove.error.message}</Alert>}
      <form onSubmit={submit}>
        <TextField
          label={t('alerts.team.username')}
          required
          autoComplete="off"
          value={username}
          error={addError}
          onChange={(event) => setUsername(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {t('alerts.team.add')}
        </button>
      </form>
      <RegionsEditor />
    </Page>
  );
}
