import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Alert } from './alert';
import { Dialog } from './dialog';

/**
 * Asks before an action that exposes people or cannot be undone, and says what it does. The confirming button
 * names the action (never a bare "OK"); Cancel, Escape and the backdrop all leave everything as it was. Focus
 * starts on Cancel, so a hurried Enter changes nothing.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  pending = false,
  disabled = false,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  /** What happens, in the reader's words: who will see it, what is lost, whether it can be undone. */
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  /** The action cannot be taken yet (the body says why). */
  disabled?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="confirm-body">{children}</div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="form-actions">
        <button type="button" className={danger ? 'button-danger' : 'button-primary'} disabled={pending || disabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe choice takes focus, so Enter alone changes nothing */}
        <button type="button" autoFocus onClick={onClose}>
          {t('confirm.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
