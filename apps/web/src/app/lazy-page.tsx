import { lazy, Suspense, type ComponentType } from 'react';
import { loadLaterStrings } from '../i18n';
import { PageSkeleton } from '../ui/skeleton';

/**
 * A screen whose code loads when it is first shown (its own chunk): a guest's first load carries no admin,
 * moderation, mailing or settings code. A skeleton holds the place meanwhile, under the header, which stays.
 * Add a route's page as `const XPage = lazyPage(() => import('…/x-page').then((m) => m.XPage));`.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { laterStrings = true }: { laterStrings?: boolean } = {},
): ComponentType<P> {
  // Most screens need the later strings (i18n/en-later.ts); a guest's first screens (home, category, topic) do not.
  const Lazy = lazy(async () => {
    const [component] = await Promise.all([load(), laterStrings ? loadLaterStrings() : undefined]);
    return { default: component };
  });
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<PageSkeleton />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage;
}
