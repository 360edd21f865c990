import { lazy, Suspense, type ComponentProps } from 'react';
import type { UnmaskDialog as UnmaskDialogComponent } from './unmask-dialog';

const LoadedUnmaskDialog = lazy(() => import('./unmask-dialog').then((m) => ({ default: m.UnmaskDialog })));

/** A moderator's unmask request (once they choose it): its form and API stay out of everyone else's load. */
export function LazyUnmaskDialog(props: ComponentProps<typeof UnmaskDialogComponent>) {
  return (
    <Suspense fallback={null}>
      <LoadedUnmaskDialog {...props} />
    </Suspense>
  );
}
