import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { MeDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { hasUploadedAvatar, useSetAvatar } from '../api/avatar';

/** The server refuses more (413); saying so before sending spares a long upload on a phone. */
const MAX_BYTES = 8 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/**
 * The member's picture on their profile settings: choose a file, see it before it is saved, save it or
 * cancel; remove an uploaded one. The preview is a data: URL (the page's CSP allows no blob: images).
 * What happened is said in a live region; errors name the cause (too large, not a picture).
 */
export function AvatarField({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const setAvatar = useSetAvatar(setSent);

  const reset = () => {
    setFile(null);
    setPreview(null);
    if (input.current) input.current.value = '';
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setSaid(null);
    setError(null);
    if (!chosen) return reset();
    if (chosen.size > MAX_BYTES) {
      reset();
      setError(t('profiles.avatar.tooLarge'));
      return;
    }
    setFile(chosen);
    const reader = new FileReader();
    reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(chosen);
  };

  const change = async (next: File | null) => {
    setSaid(null);
    setError(null);
    setSent(0);
    try {
      await setAvatar.mutateAsync(next);
      reset();
      setSaid(next ? t('profiles.avatar.saved') : t('profiles.avatar.removed'));
    } catch (caught) {
      setError(describe(caught, t));
    }
  };

  return (
    <fieldset className="avatar-field">
      <legend>{t('profiles.avatar.legend')}</legend>
      <div className="avatar-field-row">
        <img
          className="avatar avatar-large"
          src={preview ?? `${me.avatarUrl}&size=256`}
          alt={preview ? t('profiles.avatar.preview') : t('profiles.avatar.current')}
          width={96}
          height={96}
        />
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('profiles.avatar.choose')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('profiles.avatar.hint')}
          </p>
          <input ref={input} id={`${id}-file`} type="file" accept={ACCEPT} aria-describedby={`${id}-hint`} onChange={choose} />
        </div>
      </div>
      <div className="actions">
        {file && (
          <>
            <button type="button" className="button-primary" disabled={setAvatar.isPending} onClick={() => void change(file)}>
              {t('profiles.avatar.save')}
            </button>
            <button type="button" onClick={reset}>
              {t('profiles.avatar.cancel')}
            </button>
          </>
        )}
        {!file && hasUploadedAvatar(me.avatarUrl) && (
          <button type="button" disabled={setAvatar.isPending} onClick={() => void change(null)}>
            {t('profiles.avatar.remove')}
          </button>
        )}
      </div>
      {setAvatar.isPending && file && (
        <div className="upload-progress">
          <progress max={1} value={sent} aria-label={t('uploads.uploading', { name: file.name })} />
          <span aria-hidden="true">{Math.round(sent * 100)} %</span>
        </div>
      )}
      <p role="status" className="muted">
        {said}
      </p>
      {error && <Alert kind="error">{error}</Alert>}
    </fieldset>
  );
}

function describe(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 413) return t('profiles.avatar.tooLarge');
  if (error instanceof ApiError && error.status === 415) return t('profiles.avatar.notPicture');
  return t('profiles.avatar.failed');
}
