import { lazy, Suspense, useState, type ComponentType } from 'react';
import { loadLaterStrings } from '../i18n';
import { PageSkeleton } from '../ui/skeleton';

/** A screen whose code loads when first shown; `preload()` fetches it ahead (see server-screens.ts). */
export type LazyScreen<P extends object> = ComponentType<P> & { preload(): Promise<void> };

/**
 * A screen whose code loads when it is first shown (its own chunk): a guest's first load carries no admin,
 * moderation, mailing or settings code. A skeleton holds the place meanwhile, under the header, which stays.
 * Add a route's page as `const XPage = lazyPage(() => import('…/x-page').then((m) => m.XPage));`.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { laterStrings = true }: { laterStrings?: boolean } = {},
): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  // Most screens need the later strings (i18n/en-later.ts); a guest's first screens (home, category, topic) do not.
  const start = () =>
    (loading ??= Promise.all([load(), laterStrings ? loadLaterStrings() : undefined]).then(
      ([component]) => (loaded = component),
      (error: unknown) => {
        loading = null; // a chunk that failed to load (a network blip) is asked for again next time
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await start() }));
  function LazyPage(props: P) {
    // Code already here (preloaded, or shown before): rendered at once. A suspended first render would show the
    // skeleton, then wait for React's reveal throttle (up to 300 ms) before the screen: on a weak phone's first
    // load that was most of the idle time between the scripts arriving and the page being usable. Chosen once
    // per mount, so a screen never moves between the two branches (that would remount it and lose its state).
    const [screen] = useState(() => loaded);
    if (screen) return <LoadedScreen screen={screen} props={props} />;
    return (
      <Suspense fallback={<PageSkeleton />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyPage, { preload: async () => void (await start()) });
}

function LoadedScreen<P extends object>({ screen: Screen, props }: { screen: ComponentType<P>; props: P }) {
  return <Screen {...props} />;
}
