import { useQuery } from '@tanstack/react-query';
import type { EmailOriginalDto } from '@harbour/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { api } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';

/**
 * The email a reply by email came as, for the moderators of its space (what the member actually sent, quoted text
 * and signature included): asked for only when opened.
 */
export function EmailOriginal({ postId, onClose }: { postId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const original = useQuery({
    queryKey: ['post-email', postId],
    queryFn: () => api<EmailOriginalDto>('GET', `/moderation/posts/${postId}/email`),
    retry: false,
  });
  return (
    <section className="revisions" aria-label={t('mailReplies.emailTitle')}>
      <h3>{t('mailReplies.emailTitle')}</h3>
      {original.isPending && <p className="muted">{t('mailReplies.loading')}</p>}
      {original.isError && <p className="muted">{t('mailReplies.gone')}</p>}
      {original.data && (
        <>
          <p className="muted">{t('mailReplies.receivedAt', { date: formatDateTime(original.data.receivedAt, i18n.language) })}</p>
          {/* Wrapped, never scrolled sideways: readable on a phone and by keyboard without a scrolling box. */}
          <pre className="email-source">{original.data.source}</pre>
        </>
      )}
      <button type="button" className="button-quiet button-small" onClick={onClose}>
        {t('mailReplies.hideEmail')}
      </button>
    </section>
  );
}
