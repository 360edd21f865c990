import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import type { Resolution, ReviewItemDto, UserDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { isAdmin, useMe } from '../../../lib/session';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { useClaim, useQueue, useResolve } from '../api/moderation';
import { MessageContext } from './message-context';
import { QueueContentActions } from './queue-content-actions';
import { SanctionDialog } from './sanction-dialog';
import { UnmaskRequests } from './unmask-requests';

/**
 * The review queue, oldest first. Keyboard: j / k move between items, and each item's buttons and note
 * field are ordinary controls (Tab). The content shows even when hidden: moderators judge what was written.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useQueue();
  const list = useRef<HTMLOListElement>(null);
  const [sanctioning, setSanctioning] = useState<UserDto | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog') || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      const items = [...(list.current?.querySelectorAll<HTMLElement>('.review-item') ?? [])];
      if (items.length === 0) return;
      const at = items.findIndex((item) => item.contains(document.activeElement));
      const next = event.key === 'j' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
      items[next]?.focus();
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const items = queue.data?.items ?? [];
  const me = useMe();
  return (
    <Page title={t('moderation.queue.title')}>
      <p className="muted">{t('moderation.queue.keys')}</p>
      <p>
        <Link to="/moderation/log">{t('moderation.log.title')}</Link>
      </p>
      {queue.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
      {queue.isSuccess && items.length === 0 && <EmptyState title={t('moderation.queue.empty')} hint={t('design.empty.queueHint')} />}
      <ol ref={list} className="review-list">
        {items.map((item) => (
          <ReviewItem key={item.id} item={item} onSanction={setSanctioning} />
        ))}
      </ol>
      {sanctioning && <SanctionDialog member={sanctioning} onClose={() => setSanctioning(null)} />}
      {isAdmin(me.data) && <UnmaskRequests />}
    </Page>
  );
}

function ReviewItem({ item, onSanction }: { item: ReviewItemDto; onSanction: (member: UserDto) => void }) {
  const { t } = useTranslation();
  const resolve = useResolve();
  const claim = useClaim();
  const [note, setNote] = useState('');
  const titleId = `review-${item.id}-title`;
  const { target } = item;
  const act = (action: Resolution) => resolve.mutate({ id: item.id, action, ...(note.trim() ? { note: note.trim() } : {}) });
  const onContent = target.type !== 'user' && item.kind === 'flags';
  return (
    <li className="review-item" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="review-title">
        {item.kind === 'appeal'
          ? t('moderation.queue.appeal')
          : item.kind === 'held'
            ? t('moderation.queue.heldFrom')
            : target.type === 'message'
              ? t('conversations.moderation.about')
              : t(`moderation.queue.about.${target.type}`)}{' '}
        {target.member ? target.member.displayName : t('forum.deletedAuthor')}
        {target.topicId && (
          <>
            {' · '}
            <Link to={`/t/${target.topicId}${target.type === 'post' ? `#post-${target.id}` : ''}`}>{target.topicTitle}</Link>
          </>
        )}
      </h2>
      {item.claimedBy && <p className="badge">{t('moderation.queue.claimedBy', { name: item.claimedBy.displayName })}</p>}
      {target.hidden && item.kind !== 'held' && <p className="badge">{t('moderation.queue.hidden')}</p>}
      {target.deleted && <p className="badge">{t('moderation.queue.deleted')}</p>}
      {target.type === 'message' && item.context ? (
        <MessageContext messages={item.context} reportedId={target.id} />
      ) : (
        target.html !== undefined && (
          // The html was sanitized on the server when the post was written.
          <RenderedHtml className="review-content post-body" html={target.html} />
        )
      )}
      {item.appeal && (
        <div className="review-appeal">
          <p>{t('moderation.queue.appealOf', { type: t(`moderation.sanctions.${item.appeal.type}`), reason: item.appeal.reason })}</p>
          <blockquote>{item.appeal.message}</blockquote>
        </div>
      )}
      {item.reasons.length > 0 && (
        <ul className="review-reasons" aria-label={t('moderation.queue.reasons')}>
          {item.reasons.map(({ reason, count }) => (
            <li key={reason}>{t('moderation.queue.reasonCount', { reason: t(`moderation.reasons.${reason}`), count })}</li>
          ))}
        </ul>
      )}
      {item.notes.map((entry) => (
        <blockquote key={entry.createdAt + entry.note} className="review-note">
          {entry.note}
          {entry.reporter && <footer className="muted">— {entry.reporter.displayName}</footer>}
        </blockquote>
      ))}
      <p className="muted">
        {t('moderation.queue.history', {
          sanctions: t('moderation.queue.historySanctions', { count: item.history.sanctions }),
          flags: t('moderation.queue.historyFlags', { count: item.history.flagsAgainst }),
        })}
        {item.history.activeSanction && ` · ${t(`moderation.sanctions.${item.history.activeSanction}`)}`}
      </p>
      <div className="field">
        <label htmlFor={`review-${item.id}-note`}>{t('moderation.queue.note')}</label>
        <input id={`review-${item.id}-note`} value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
      </div>
      {resolve.isError && <Alert kind="error">{resolve.error.message}</Alert>}
      <div className="form-actions" role="group" aria-label={t('moderation.queue.actions')}>
        {item.kind === 'held' ? (
          <>
            <button type="button" disabled={resolve.isPending} onClick={() => act('approve')}>
              {t('moderation.queue.approve')}
            </button>
            <button type="button" disabled={resolve.isPending} onClick={() => act('reject')}>
              {t('moderation.queue.reject')}
            </button>
          </>
        ) : (
          <button type="button" disabled={resolve.isPending} onClick={() => act('dismiss')}>
            {item.kind === 'appeal' ? t('moderation.queue.keep') : t('moderation.queue.dismiss')}
          </button>
        )}
        {onContent && (
          <>
            {/* A reported private message is dismissed or deleted: the server offers no hiding for it. */}
            {target.type !== 'message' && (
              <button type="button" disabled={resolve.isPending || target.hidden} onClick={() => act('hide')}>
                {t('moderation.queue.hide')}
              </button>
            )}
            <button type="button" disabled={resolve.isPending || target.deleted} onClick={() => act('delete')}>
              {t('moderation.queue.delete')}
            </button>
            <QueueContentActions item={item} note={note} />
          </>
        )}
        {target.member && (
          <button type="button" onClick={() => onSanction(target.member!)}>
            {t('moderation.queue.sanction')}
          </button>
        )}
        <button type="button" disabled={claim.isPending} onClick={() => claim.mutate(item.id)}>
          {t('moderation.queue.claim')}
        </button>
        {target.member && <Link to={`/moderation/users/${target.member.id}`}>{t('moderation.queue.record')}</Link>}
      </div>
    </li>
  );
}
