import { useTranslation } from '../../../i18n/use-translation';
import type { DraftDto } from '@harbour/contracts';
import type { Draft } from './use-draft';
import './drafts.css';
import { formatDateTime } from '../../../lib/dates';

/**
 * A draft saved before (on this device or another), offered back when the box opens: restore it or throw it
 * away. Said politely (a status): it never takes the focus from where the member is.
 */
export function DraftOffer({ draft, onRestore }: { draft: Draft; onRestore: (saved: DraftDto) => void }) {
  const { t, i18n } = useTranslation();
  const { offer } = draft;
  const when = offer ? formatDateTime(offer.updatedAt, i18n.language) : '';
  return (
    <div className="draft-offer" role="status">
      {offer && (
        <>
          <p>{t('drafts.offer', { when })}</p>
          <div className="draft-offer-actions">
            <button
              type="button"
              onClick={() => {
                const taken = draft.restore();
                if (taken) onRestore(taken);
              }}
            >
              {t('drafts.restore')}
            </button>
            <button type="button" onClick={draft.discard}>
              {t('drafts.discard')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** The quiet line under a composer: "Draft saved" once the text is kept, and what became of an offer. */
export function DraftStatusLine({ status }: { status: Draft['status'] }) {
  const { t } = useTranslation();
  return (
    <p className="draft-status" role="status">
      {status === 'idle' ? '' : t(`drafts.${status}`)}
    </p>
  );
}
