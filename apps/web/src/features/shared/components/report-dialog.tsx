import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { FLAG_REASONS, type FlagReason, type FlagTargetType } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { DialogDone } from '../../../ui/dialog-done';
import { useReport } from '../api/report';

/**
 * Reporting a post, topic or member to the moderators. The dialog says plainly that the reported member
 * is never told who reported them: people report harm more readily when they know that.
 */
export function ReportDialog({ targetType, targetId, onClose }: { targetType: FlagTargetType; targetId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  if (report.isSuccess) {
    return (
      <Dialog title={t('moderation.report.title')} onClose={onClose}>
        <DialogDone message={t('moderation.report.sent')} onClose={onClose} />
      </Dialog>
    );
  }
  const error =
    report.error instanceof ApiError && report.error.status === 429
      ? t('moderation.report.tooMany')
      : report.error
        ? t('moderation.error')
        : null;
  return (
    <Dialog title={t('moderation.report.title')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) report.mutate({ targetType, targetId, reason, ...(note.trim() ? { note: note.trim() } : {}) });
        }}
      >
        <p className="muted">{t('moderation.report.anonymous')}</p>
        <fieldset>
          <legend>{t('moderation.report.why')}</legend>
          {FLAG_REASONS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="reason" value={value} checked={reason === value} onChange={() => setReason(value)} required />
              {t(`moderation.reasons.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="report-note">{t('moderation.report.note')}</label>
          <textarea id="report-note" value={note} maxLength={1000} rows={3} onChange={(event) => setNote(event.target.value)} />
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        <div className="form-actions">
          <button type="submit" disabled={!reason || report.isPending}>
            {t('moderation.report.send')}
          </button>
          <button type="button" onClick={onClose}>
            {t('moderation.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
