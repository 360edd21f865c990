import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from '../../../ui/skeleton';
import type { ReportDialog as ReportDialogComponent } from '../../shared/components/report-dialog';
import type { Composer as ComposerComponent } from './composer';
import type { NotificationLevelMenu as LevelMenuComponent } from './notification-level-menu';

/*
 * Parts of the topic page only a member uses: a guest's first load (a weak phone, issue 18's ≤ 120 KB budget) must
 * not download, parse and run them. The composer brings drafts, uploads, mention completion and the preview.
 */
const LoadedComposer = lazy(() => import('./composer').then((m) => ({ default: m.Composer })));
const LoadedReportDialog = lazy(() => import('../../shared/components/report-dialog').then((m) => ({ default: m.ReportDialog })));
const LoadedLevelMenu = lazy(() => import('./notification-level-menu').then((m) => ({ default: m.NotificationLevelMenu })));

/** The composer, loaded the first time a reader who may reply or edit needs it (bars in its shape meanwhile). */
export function LazyComposer(props: ComponentProps<typeof ComposerComponent>) {
  return (
    <Suspense fallback={<Skeleton lines={3} />}>
      <LoadedComposer {...props} />
    </Suspense>
  );
}

/** The notification level control; render it only for a signed-in member (it shows nothing to a guest). */
export function LazyNotificationLevelMenu(props: ComponentProps<typeof LevelMenuComponent>) {
  return (
    <Suspense fallback={null}>
      <LoadedLevelMenu {...props} />
    </Suspense>
  );
}

/** The report dialog (a member's, once they choose Report): its form and the moderation API stay out of a guest's load. */
export function LazyReportDialog(props: ComponentProps<typeof ReportDialogComponent>) {
  return (
    <Suspense fallback={null}>
      <LoadedReportDialog {...props} />
    </Suspense>
  );
}
