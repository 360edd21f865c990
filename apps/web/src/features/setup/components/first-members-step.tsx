import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { useCreateEventLink } from '../api/setup';
import type { StepProps } from './setup-page';

/** A link for an event (N accounts, a few days), shown to copy; the invitations and members pages do the rest. */
export function FirstMembersStep(_props: StepProps) {
  const { t } = useTranslation();
  const create = useCreateEventLink();
  const [uses, setUses] = useState('20');
  const [days, setDays] = useState('7');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ uses: Number(uses), validDays: Number(days) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="setup-step-title">{t('setup.members.title')}</h2>
      <p>{t('setup.members.intro')}</p>
      <TextField label={t('setup.members.uses')} type="number" min={1} max={1000} value={uses} onChange={(e) => setUses(e.target.value)} />
      <TextField label={t('setup.members.days')} type="number" min={1} max={90} value={days} onChange={(e) => setDays(e.target.value)} />
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t('setup.members.create')}
      </button>
      {create.isError && <Alert kind="error">{t('setup.failed')}</Alert>}
      {create.data && (
        <div className="field">
          <label htmlFor="setup-event-link">{t('setup.members.link')}</label>
          <input id="setup-event-link" readOnly value={create.data.link} onFocus={(e) => e.target.select()} className="full-width" />
        </div>
      )}
      <p>
        {t('setup.members.more')} <Link to="/admin/invitations">{t('setup.members.invitations')}</Link> ·{' '}
        <Link to="/admin/users">{t('setup.members.users')}</Link>
      </p>
    </form>
  );
}
