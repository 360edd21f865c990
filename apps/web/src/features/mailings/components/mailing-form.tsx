import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useGroups } from '../../shared/api/spaces';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import type { MailingDraft } from '../api/mailings';

/** The words of a mailing in English and (optionally) French, and who it goes to. */
export function MailingForm(props: {
  initial: MailingDraft;
  pending: boolean;
  error: Error | null;
  saved?: boolean;
  onSave: (draft: MailingDraft) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [draft, setDraft] = useState(props.initial);
  const groupId = typeof draft.audience === 'object' ? draft.audience.groupId : '';
  const field = (name: string) => (props.error instanceof ApiError ? props.error.forField(name).join(' ') || undefined : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const french = draft.subjectFr?.trim() && draft.bodyFr?.trim();
    props.onSave({ ...draft, subjectFr: french ? draft.subjectFr : null, bodyFr: french ? draft.bodyFr : null });
  };
  return (
    <form onSubmit={submit} className="mailing-form" aria-label={t('mailings.compose')}>
      <TextField
        label={t('mailings.subject')}
        required
        maxLength={200}
        value={draft.subject}
        error={field('subject')}
        onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
      />
      <div className="field">
        <label htmlFor="mailing-body">{t('mailings.body')}</label>
        <p id="mailing-body-hint" className="field-hint">
          {t('mailings.bodyHint')}
        </p>
        <textarea
          id="mailing-body"
          aria-describedby="mailing-body-hint"
          required
          rows={12}
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
      </div>
      <fieldset>
        <legend>{t('mailings.french')}</legend>
        <p className="field-hint">{t('mailings.frenchHint')}</p>
        <TextField
          label={t('mailings.subjectFr')}
          lang="fr"
          maxLength={200}
          value={draft.subjectFr ?? ''}
          onChange={(e) => setDraft({ ...draft, subjectFr: e.target.value })}
        />
        <div className="field">
          <label htmlFor="mailing-body-fr">{t('mailings.bodyFr')}</label>
          <textarea
            id="mailing-body-fr"
            lang="fr"
            rows={12}
            value={draft.bodyFr ?? ''}
            onChange={(e) => setDraft({ ...draft, bodyFr: e.target.value })}
          />
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="mailing-audience">{t('mailings.audience')}</label>
        <select
          id="mailing-audience"
          value={typeof draft.audience === 'string' ? draft.audience : 'group'}
          onChange={(e) => {
            const value = e.target.value;
            const first = groups.data?.items[0]?.id ?? '';
            setDraft({ ...draft, audience: value === 'group' ? { groupId: first } : (value as 'subscribers' | 'members') });
          }}
        >
          <option value="subscribers">{t('mailings.audiences.subscribers')}</option>
          <option value="members">{t('mailings.audiences.members')}</option>
          <option value="group">{t('mailings.audiences.aGroup')}</option>
        </select>
      </div>
      {typeof draft.audience === 'object' && (
        <div className="field">
          <label htmlFor="mailing-group">{t('mailings.group')}</label>
          <select id="mailing-group" value={groupId} onChange={(e) => setDraft({ ...draft, audience: { groupId: e.target.value } })}>
            {groups.data?.items.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.error && <Alert kind="error">{props.error.message}</Alert>}
      {props.saved && <Alert kind="success">{t('mailings.saved')}</Alert>}
      <button type="submit" className="button-primary" disabled={props.pending}>
        {t('mailings.save')}
      </button>
    </form>
  );
}
