import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useAddNote, useLiftSanction, useMemberRecord } from '../api/moderation';
import { ReportDialog } from '../../shared/components/report-dialog';
import { SanctionDialog } from './sanction-dialog';

/** A member's moderation page for site staff: their record, the notes staff keep, and the sanction dialog. */
export function MemberRecordPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const record = useMemberRecord(id);
  const addNote = useAddNote(id);
  const lift = useLiftSanction();
  const [note, setNote] = useState('');
  const [sanctioning, setSanctioning] = useState(false);
  const [reporting, setReporting] = useState(false);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (record.isError) return <Page title={t('moderation.member.title')}>{<Alert kind="error">{t('moderation.error')}</Alert>}</Page>;
  if (!record.data) return null;
  const { member, sanctions, flagsAgainst, notes } = record.data;
  return (
    <Page title={t('moderation.member.titleOf', { name: member.displayName })}>
      <p>
        @{member.username} · {t(`moderation.member.status.${member.status}`)} ·{' '}
        {t('moderation.member.flagsAgainst', { count: flagsAgainst })}
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => setSanctioning(true)}>
          {t('moderation.queue.sanction')}
        </button>
        <button type="button" onClick={() => setReporting(true)}>
          {t('moderation.report.button')}
        </button>
      </div>
      <h2>{t('moderation.member.sanctions')}</h2>
      {sanctions.length === 0 && <p className="muted">{t('moderation.mine.none')}</p>}
      <ul className="sanction-list">
        {sanctions.map((sanction) => (
          <li key={sanction.id} className="sanction">
            <strong>{t(`moderation.sanctions.${sanction.type}`)}</strong> · {date(sanction.createdAt)}
            {sanction.until && ` → ${date(sanction.until)}`}
            <p>{sanction.reason}</p>
            {sanction.appealedAt && <p className="muted">{t('moderation.mine.appealed', { date: date(sanction.appealedAt) })}</p>}
            {sanction.liftedAt ? (
              <p className="badge">{t('moderation.mine.lifted')}</p>
            ) : (
              <button type="button" onClick={() => lift.mutate({ userId: member.id, sanctionId: sanction.id })}>
                {t('moderation.member.lift')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('moderation.member.notes')}</h2>
      <p className="muted">{t('moderation.member.notesHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          addNote.mutate(note.trim(), { onSuccess: () => setNote('') });
        }}
      >
        <div className="field">
          <label htmlFor="member-note">{t('moderation.member.newNote')}</label>
          <textarea id="member-note" required maxLength={2000} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button type="submit" disabled={addNote.isPending}>
          {t('moderation.member.addNote')}
        </button>
      </form>
      <ul className="word-list">
        {notes.map((entry) => (
          <li key={entry.id}>
            <blockquote className="review-note">
              {entry.body}
              <footer className="muted">
                — {entry.author?.displayName ?? '—'}, {date(entry.createdAt)}
              </footer>
            </blockquote>
          </li>
        ))}
      </ul>
      {sanctioning && <SanctionDialog member={member} onClose={() => setSanctioning(false)} />}
      {reporting && <ReportDialog targetType="user" targetId={member.id} onClose={() => setReporting(false)} />}
    </Page>
  );
}
