import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { DraftKeyString } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { ComposerActions } from '../../shared/components/composer-actions';
import { useComposerUploads } from '../../shared/components/composer-uploads';
import { DraftOffer, DraftStatusLine } from '../../shared/drafts/draft-notice';
import { useDraft } from '../../shared/drafts/use-draft';
import { describeWriteError } from './write-errors';

interface MessageComposerProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  /** Called as the member types (the others are told someone is typing). */
  onType?: () => void;
  /** Saves what is typed as the member's draft (`conversation:<id>`) and offers a saved one back; none for an edit. */
  draftKey?: DraftKeyString;
}

/** A Markdown box for a message or its edit; Ctrl+Enter (⌘+Enter) sends, as in most messaging apps. */
export function MessageComposer({
  label,
  submitLabel,
  initialBody = '',
  autoFocus,
  onSubmit,
  onCancel,
  onType,
  draftKey,
}: MessageComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const uploads = useComposerUploads({ textarea, setBody });
  const draft = useDraft(draftKey, { body });

  const send = async () => {
    // A file still on its way is not in the text yet: Ctrl+Enter waits for it as the button does.
    if (uploads.uploading) return;
    if (!body.trim()) {
      setError(t('conversations.page.emptyBody'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await draft.sending(() => onSubmit(body), { body: '' });
      setBody('');
      uploads.clear();
    } catch (caught) {
      setError(describeWriteError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form
      {...uploads.formProps}
      className={`composer message-composer ${uploads.formProps.className ?? ''}`.trim()}
      onSubmit={submit}
      noValidate
    >
      {error && <Alert kind="error">{error}</Alert>}
      {draftKey && <DraftOffer draft={draft} onRestore={(saved) => setBody(saved.body)} />}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('conversations.page.markdownHint')}
        </p>
        <textarea
          ref={textarea}
          id={`${id}-body`}
          aria-describedby={`${id}-hint`}
          value={body}
          rows={4}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- only when the member just chose to edit a message
          autoFocus={autoFocus}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !busy) {
              event.preventDefault();
              void send();
            } else if (event.key === 'Escape' && onCancel) {
              event.preventDefault();
              onCancel();
            }
          }}
          onChange={(event) => {
            setBody(event.target.value);
            onType?.();
          }}
        />
      </div>
      {uploads.controls}
      {draftKey && <DraftStatusLine status={draft.status} />}
      <ComposerActions
        submitLabel={submitLabel}
        busy={busy || uploads.uploading}
        onCancel={onCancel}
        cancelLabel={t('conversations.page.cancel')}
      />
    </form>
  );
}
