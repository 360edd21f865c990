import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { CategoryDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { useDeleteCategory } from '../../shared/api/categories';

/**
 * Deleting a category asks first and says what happens: an empty one goes for good; one with topics goes
 * only once its editor chose where its topics move (another category of the same space they manage), and
 * the confirm button names how many and where; a wider audience there is said out loud.
 */
export function CategoryDelete({
  category,
  categories,
  onDeleted,
}: {
  category: CategoryDto;
  categories: CategoryDto[];
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="delete-category-heading" className="panel">
      <h2 id="delete-category-heading">{t('categories.remove.heading')}</h2>
      <button type="button" className="button-danger" onClick={() => setOpen(true)}>
        {t('categories.remove.open')}
      </button>
      {open && <DeleteDialog category={category} categories={categories} onClose={() => setOpen(false)} onDeleted={onDeleted} />}
    </section>
  );
}

function DeleteDialog({
  category,
  categories,
  onClose,
  onDeleted,
}: {
  category: CategoryDto;
  categories: CategoryDto[];
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCategory();
  const [targetId, setTargetId] = useState('');
  const hasChildren = categories.some((other) => other.parentId === category.id);
  const targets = categories.filter((other) => other.id !== category.id && other.groupId === category.groupId && other.can.edit);
  const target = targets.find((other) => other.id === targetId);
  const count = category.topicCount;
  const confirm = async () => {
    await remove.mutateAsync({ id: category.id, body: target ? { moveTopicsTo: target.id } : {} });
    onDeleted();
  };
  let body: ReactNode;
  if (hasChildren) body = <p>{t('categories.remove.children')}</p>;
  else if (count === 0) body = <p>{t('categories.remove.empty')}</p>;
  else if (targets.length === 0) body = <p>{t('categories.remove.noTarget')}</p>;
  else
    body = (
      <>
        <p>{t('categories.remove.topics', { count })}</p>
        <div className="field">
          <label htmlFor="move-topics-to">{t('categories.remove.moveTo')}</label>
          <select id="move-topics-to" value={targetId} onChange={(event) => setTargetId(event.target.value)}>
            <option value="">{t('categories.remove.choose')}</option>
            {targets.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        </div>
        {target && category.private && !target.private && <Alert kind="info">{t('categories.remove.wider', { name: target.name })}</Alert>}
      </>
    );
  const ready = !hasChildren && (count === 0 || target !== undefined);
  return (
    <Dialog title={t('categories.remove.title', { name: category.name })} onClose={onClose}>
      {body}
      {remove.error instanceof ApiError && <Alert kind="error">{remove.error.messages.join(' ')}</Alert>}
      <div className="form-actions">
        {ready && (
          <button type="button" className="button-danger" disabled={remove.isPending} onClick={() => void confirm().catch(() => undefined)}>
            {count === 0
              ? t('categories.remove.confirmEmpty', { name: category.name })
              : t('categories.remove.confirmMove', { count, target: target?.name ?? '' })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('categories.remove.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
