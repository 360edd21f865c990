import { useTranslation } from '../i18n/use-translation';
import { Alert } from './alert';

/** What a dialog shows once its action is done: the outcome, and its only way out (the report, sanction and unmask dialogs). */
export function DialogDone({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert kind="success">{message}</Alert>
      <button
        type="button"
        onClick={onClose}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's form is gone; its only way out takes the focus
        autoFocus
      >
        {t('moderation.close')}
      </button>
    </>
  );
}
