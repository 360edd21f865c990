import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { SANCTION_TYPES, type SanctionType, type UserDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { DialogDone } from '../../../ui/dialog-done';
import { useSanction } from '../api/moderation';

/** Warn, silence, suspend or ban one member, with the reason they will read (in their language's mail). */
export function SanctionDialog({ member, onClose }: { member: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const sanction = useSanction();
  const [type, setType] = useState<SanctionType>('warn');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const timed = type === 'silence' || type === 'suspend';
  return (
    <Dialog title={t('moderation.sanction.title', { name: member.displayName })} onClose={onClose}>
      {sanction.isSuccess ? (
        <DialogDone message={t('moderation.sanction.done')} onClose={onClose} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            sanction.mutate({
              userId: member.id,
              type,
              reason: reason.trim(),
              ...(timed && until ? { until: new Date(until).toISOString() } : {}),
            });
          }}
        >
          <fieldset>
            <legend>{t('moderation.sanction.type')}</legend>
            {SANCTION_TYPES.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="sanction" value={value} checked={type === value} onChange={() => setType(value)} />
                {t(`moderation.sanctions.${value}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="sanction-reason">{t('moderation.sanction.reason')}</label>
            <p className="field-hint">{t('moderation.sanction.reasonHint')}</p>
            <textarea
              id="sanction-reason"
              required
              minLength={3}
              maxLength={1000}
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          {timed && (
            <div className="field">
              <label htmlFor="sanction-until">{t('moderation.sanction.until')}</label>
              <input id="sanction-until" type="datetime-local" required value={until} onChange={(event) => setUntil(event.target.value)} />
            </div>
          )}
          {sanction.error && <Alert kind="error">{sanction.error.message}</Alert>}
          <div className="form-actions">
            <button type="submit" disabled={sanction.isPending}>
              {t('moderation.sanction.apply')}
            </button>
            <button type="button" onClick={onClose}>
              {t('moderation.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
