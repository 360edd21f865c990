import { useTranslation } from '../i18n/use-translation';
import './skeleton.css';

/**
 * Grey bars where text is about to appear, in the shape of what will come (a heading, then lines), so the
 * page does not jump when it arrives. `data-skeleton` tells the start-up (main.tsx) that the page is not
 * ready yet. Screen readers hear one "Loading…" instead of the bars.
 */
export function Skeleton({ lines = 3, heading = false }: { lines?: number; heading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" data-skeleton role="status" aria-live="polite">
      <span className="visually-hidden">{t('app.loading')}</span>
      {heading && <div className="skeleton-bar skeleton-heading" aria-hidden="true" />}
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-bar" aria-hidden="true" />
      ))}
    </div>
  );
}

/** A whole screen while its code loads: the title, then a few paragraphs. */
export function PageSkeleton() {
  return (
    <section className="page">
      <Skeleton heading lines={6} />
    </section>
  );
}
