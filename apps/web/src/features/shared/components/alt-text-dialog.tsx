import { useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../i18n/use-translation';
import type { UploadDto } from '@harbour/contracts';
import { Dialog } from '../../../ui/dialog';

/**
 * Asks for a just-uploaded picture's description before it goes into the text: screen-reader users read the
 * picture through it. Empty only when the writer says the picture is decorative. Escape or Cancel: not inserted.
 */
export function AltTextDialog({ upload, onDone }: { upload: UploadDto; onDone: (alt: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [alt, setAlt] = useState('');
  const [decorative, setDecorative] = useState(false);
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Events bubble through React's tree, portal or not: the composer around must not take this as its own submit.
    event.stopPropagation();
    const text = alt.trim();
    if (!text && !decorative) {
      setError(true);
      input.current?.focus();
      return;
    }
    onDone(decorative ? '' : text);
  };

  // Out of the composer's <form> in the document: a form may not hold another.
  return createPortal(
    <Dialog title={t('uploads.alt.title')} onClose={() => onDone(null)}>
      <form className="alt-text-form" onSubmit={submit} noValidate>
        {/* What is to be described; its own description is the text being written, so it has none. */}
        <img className="alt-text-preview" src={`${upload.url}/thumbnail`} alt="" />
        <div className="field">
          <label htmlFor={`${id}-alt`}>{t('uploads.alt.label')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('uploads.alt.hint')}
          </p>
          <input
            ref={input}
            id={`${id}-alt`}
            maxLength={500}
            value={alt}
            required={!decorative}
            disabled={decorative}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setAlt(event.target.value);
              setError(false);
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {t('uploads.alt.required')}
            </p>
          )}
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={decorative}
            onChange={(event) => {
              setDecorative(event.target.checked);
              setError(false);
            }}
          />
          {t('uploads.alt.decorative')}
        </label>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t('uploads.alt.insert')}
          </button>
          <button type="button" onClick={() => onDone(null)}>
            {t('uploads.alt.cancel')}
          </button>
        </div>
      </form>
    </Dialog>,
    document.body,
  );
}
