import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';

export interface LightboxPicture {
  src: string;
  alt: string;
  /** The link that opened it: the focus goes back there when the lightbox closes. */
  opener: HTMLElement;
}

/**
 * A picture at full size in a modal <dialog>: the browser keeps the focus inside it and closes it on Escape;
 * the description is its caption. Closing puts the focus back on the picture's link in the post.
 */
export function Lightbox({ picture, onClose }: { picture: LightboxPicture; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    return () => picture.opener.focus();
  }, [picture]);
  return (
    <dialog ref={dialog} className="dialog lightbox" aria-label={picture.alt || t('uploads.lightbox.label')} onClose={onClose}>
      <figure>
        <img src={picture.src} alt={picture.alt} />
        {/* The dialog is already named by the description: shown, not read twice. */}
        {picture.alt && <figcaption aria-hidden="true">{picture.alt}</figcaption>}
      </figure>
      <button type="button" className="lightbox-close" onClick={onClose}>
        {t('uploads.lightbox.close')}
      </button>
    </dialog>
  );
}
