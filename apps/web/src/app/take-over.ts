import type { QueryClient } from '@tanstack/react-query';

/** Past this, the client shows its page even if some request is still out (a slow socket, a stalled query). */
const LONGEST_WAIT_MS = 10_000;
/**
 * The page must stay settled this long. A query starts in an effect, which runs at once after the render that
 * asked for it (app/renderer.ts), so this only lets a render that a settled query causes begin.
 */
const QUIET_MS = 10;

/**
 * Calls `done` once, when the client's page has rendered its data: something is in `root`, no query is
 * loading, and no skeleton (`[data-skeleton]`: a lazy screen's code or a list still coming) is shown.
 */
export function whenSettled(root: HTMLElement, queryClient: QueryClient, done: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    clearTimeout(longest);
    observer.disconnect();
    unsubscribe();
    done();
  };
  const settled = () => root.childElementCount > 0 && queryClient.isFetching() === 0 && root.querySelector('[data-skeleton]') === null;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (settled()) finish();
    }, QUIET_MS);
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  const unsubscribe = queryClient.getQueryCache().subscribe(check);
  const longest = setTimeout(finish, LONGEST_WAIT_MS);
  check();
}

/**
 * Watches presses (mouse, finger or pen) on the server's page from the start, and returns `whenFree(swap)`: it
 * swaps at once, or, while a press is under way, just after it ends. A tap whose press landed on the server's link
 * and whose release landed on the client's page made no click at all: the reader's tap was lost (seen in a
 * browser test, a visitor following a link on a loaded machine).
 */
export function watchPresses(page: HTMLElement): (swap: () => void) => void {
  let presses = 0;
  let pending: (() => void) | null = null;
  const press = () => void (presses += 1);
  const release = () => {
    presses = Math.max(0, presses - 1);
    // After the click this release makes, which the browser dispatches in the same task.
    if (presses === 0 && pending) setTimeout(finish, 0);
  };
  const finish = () => {
    page.removeEventListener('pointerdown', press, true);
    window.removeEventListener('pointerup', release, true);
    window.removeEventListener('pointercancel', release, true);
    const swap = pending;
    pending = null;
    swap?.();
  };
  page.addEventListener('pointerdown', press, true);
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
  return (swap) => {
    pending = swap;
    if (presses === 0) finish();
  };
}
