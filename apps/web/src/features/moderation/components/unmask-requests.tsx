import { Link } from 'react-router';
import { useTranslation } from '../../../i18n/use-translation';
import type { UnmaskRequestDto } from '@harbour/contracts';
import { formatDateTime } from '../../../lib/dates';
import { Alert } from '../../../ui/alert';
import { useApproveUnmask, useUnmaskRequests } from '../api/unmask';

/**
 * The admins' list of requests to unmask anonymous posts, newest first, in the moderation area: each with its post,
 * reason and requester, and Approve for an admin who did not ask. An approved request names the author to its
 * requester and approver only (the server leaves it out for anyone else).
 */
export function UnmaskRequests() {
  const { t } = useTranslation();
  const requests = useUnmaskRequests();
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="unmask-heading" className="unmask-requests">
      <h2 id="unmask-heading">{t('unmask.listTitle')}</h2>
      <p className="muted">{t('unmask.listIntro')}</p>
      {requests.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
      {requests.isSuccess && items.length === 0 && <p>{t('unmask.none')}</p>}
      <ul>
        {items.map((item) => (
          <UnmaskRequestItem key={item.id} item={item} />
        ))}
      </ul>
      {requests.hasNextPage && (
        <button type="button" onClick={() => void requests.fetchNextPage()} disabled={requests.isFetchingNextPage}>
          {t('unmask.more')}
        </button>
      )}
    </section>
  );
}

function UnmaskRequestItem({ item }: { item: UnmaskRequestDto }) {
  const { t, i18n } = useTranslation();
  const approve = useApproveUnmask();
  const where = item.topicId ? `/t/${item.topicId}${item.postNumber ? `/${item.postNumber}` : ''}` : null;
  return (
    <li className="card">
      <p>
        {where ? <Link to={where}>{t('unmask.thePost')}</Link> : t('unmask.postGone')} ·{' '}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
      </p>
      <p>{t('unmask.askedBy', { name: item.requester?.displayName ?? t('unmask.someone'), reason: item.reason })}</p>
      <p>
        {item.status === 'approved'
          ? t('unmask.approvedBy', { name: item.approver?.displayName ?? t('unmask.someone') })
          : t('unmask.pending')}
      </p>
      {item.author && (
        <p>
          <strong>{t('unmask.author', { name: item.author.displayName, username: item.author.username })}</strong>
        </p>
      )}
      {item.canApprove && (
        <button
          type="button"
          disabled={approve.isPending}
          onClick={() => {
            if (window.confirm(t('unmask.approveConfirm'))) approve.mutate(item.id);
          }}
        >
          {t('unmask.approve')}
        </button>
      )}
      {approve.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
    </li>
  );
}
