import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { DialogDone } from '../../../ui/dialog-done';
import { useRequestUnmask } from '../api/unmask-request';

/**
 * A moderator's request to learn who wrote an anonymous post, with the reason the poster will be told. It reveals
 * nothing yet: a different admin must approve it, and then only the two of them see the author.
 */
export function UnmaskDialog({ postId, onClose }: { postId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const request = useRequestUnmask(postId);
  const [reason, setReason] = useState('');
  if (request.isSuccess) {
    return (
      <Dialog title={t('unmask.title')} onClose={onClose}>
        <DialogDone message={t('unmask.sent')} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('unmask.title')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim().length >= 3) request.mutate({ reason: reason.trim() });
        }}
      >
        <p className="muted">{t('unmask.explain')}</p>
        <div className="field">
          <label htmlFor="unmask-reason">{t('unmask.reason')}</label>
          <textarea
            id="unmask-reason"
            value={reason}
            minLength={3}
            maxLength={1000}
            rows={3}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {request.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
        <div className="form-actions">
          <button type="submit" disabled={reason.trim().length < 3 || request.isPending}>
            {t('unmask.send')}
          </button>
          <button type="button" onClick={onClose}>
            {t('moderation.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
