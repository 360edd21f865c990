import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { ReviewItemDto } from '@harbour/contracts';
import { useCategories } from '../../shared/api/spaces';
import { Alert } from '../../../ui/alert';
import { useResolve } from '../api/moderation';

/**
 * Edit, lock and move from the queue (api.md, moderation 1.1): each closes the item's reports and is logged.
 * Offered for reports about a post or topic only; a move offers the categories the moderator moderates
 * (`can.moderate`), so the server's "a category you moderate" refusal is not met by surprise.
 */
export function QueueContentActions({ item, note }: { item: ReviewItemDto; note: string }) {
  const { t } = useTranslation();
  const id = useId();
  const resolve = useResolve();
  const [open, setOpen] = useState<'edit' | 'move' | null>(null);
  const [body, setBody] = useState(item.target.body ?? '');
  const categories = (useCategories().data?.items ?? []).filter((category) => category.can.moderate);
  const [categoryId, setCategoryId] = useState('');
  const withNote = note.trim() ? { note: note.trim() } : {};
  const busy = resolve.isPending;
  if (item.kind !== 'flags' || (item.target.type !== 'post' && item.target.type !== 'topic') || item.target.deleted) return null;
  return (
    <>
      <button type="button" aria-expanded={open === 'edit'} disabled={busy} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
        {t('moderation11.queue.edit')}
      </button>
      <button type="button" disabled={busy} onClick={() => resolve.mutate({ id: item.id, action: 'lock', ...withNote })}>
        {t('moderation11.queue.lock')}
      </button>
      <button type="button" aria-expanded={open === 'move'} disabled={busy} onClick={() => setOpen(open === 'move' ? null : 'move')}>
        {t('moderation11.queue.move')}
      </button>
      {resolve.isError && <Alert kind="error">{resolve.error.message}</Alert>}
      {open === 'edit' && (
        <form
          className="queue-edit"
          onSubmit={(event) => {
            event.preventDefault();
            resolve.mutate({ id: item.id, action: 'edit', body, ...withNote });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('moderation11.queue.editLabel')}</label>
            <textarea id={`${id}-body`} required rows={6} value={body} onChange={(event) => setBody(event.target.value)} />
            <p className="muted">{t('moderation11.queue.explainEdit')}</p>
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy || !body.trim()}>
              {t('moderation11.queue.editSubmit')}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              {t('moderation11.queue.cancel')}
            </button>
          </div>
        </form>
      )}
      {open === 'move' && (
        <form
          className="queue-move"
          onSubmit={(event) => {
            event.preventDefault();
            if (categoryId) resolve.mutate({ id: item.id, action: 'move', categoryId, ...withNote });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('moderation11.queue.moveTo')}</label>
            <select id={`${id}-category`} required value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
              <option value="" />
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy || !categoryId}>
              {t('moderation11.queue.moveSubmit')}
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              {t('moderation11.queue.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
