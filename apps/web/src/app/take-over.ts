import type { QueryClient } from '@tanstack/react-query';

/** Past this, the client shows its page even if some request is still out (a slow socket, a stalled query). */
const LONGEST_WAIT_MS = 10_000;
/** The page must stay settled this long: a query starts in an effect, just after the render that asked for it. */
const QUIET_MS = 50;

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
