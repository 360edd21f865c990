import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';

/**
 * A wide table on a narrow screen scrolls sideways inside this box, not the page. The box can take focus
 * (tabindex 0) so keyboard users can scroll it with the arrow keys, and is a named region so that focus
 * is announced (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-label={t('design.table', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
