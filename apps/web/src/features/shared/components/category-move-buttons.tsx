import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { CategoryDto } from '@harbour/contracts';
import { useUpdateCategory } from '../api/categories';

/**
 * Up and Down for one category among its siblings (same group, same parent), shown only where the server
 * lets the caller edit it. After a move the pressed button (or its twin, at an end) keeps the focus, so a
 * keyboard user can press again; `onMoved` tells the page what to announce.
 */
export function CategoryMoveButtons({
  category,
  siblings,
  onMoved,
}: {
  category: CategoryDto;
  siblings: CategoryDto[];
  onMoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCategory();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const refocus = useRef<'up' | 'down' | null>(null);
  const index = siblings.findIndex((other) => other.id === category.id);
  // After each render: once the list shows its new order (the row's node may have moved, dropping focus).
  useEffect(() => {
    if (refocus.current === null || update.isPending) return;
    (refocus.current === 'up' ? up : down).current?.focus();
    refocus.current = null;
  });
  if (!category.can.edit) return null;
  const move = async (step: -1 | 1) => {
    const position = index + step;
    await update.mutateAsync({ id: category.id, changes: { position } });
    onMoved(t('categories.moved', { name: category.name, place: position + 1 }));
    const atEnd = position === 0 || position === siblings.length - 1;
    refocus.current = atEnd ? (step < 0 ? 'down' : 'up') : step < 0 ? 'up' : 'down';
    // Should no render follow (the order was already shown), focus now; the effect above covers a later one.
    window.setTimeout(() => {
      if (refocus.current === null) return;
      (refocus.current === 'up' ? up : down).current?.focus();
    }, 0);
  };
  return (
    <span className="category-move">
      <button
        type="button"
        ref={up}
        aria-label={t('categories.moveUp', { name: category.name })}
        disabled={index <= 0 || update.isPending}
        onClick={() => void move(-1).catch(() => undefined)}
      >
        {t('categories.up')}
      </button>{' '}
      <button
        type="button"
        ref={down}
        aria-label={t('categories.moveDown', { name: category.name })}
        disabled={index < 0 || index >= siblings.length - 1 || update.isPending}
        onClick={() => void move(1).catch(() => undefined)}
      >
        {t('categories.down')}
      </button>
    </span>
  );
}
