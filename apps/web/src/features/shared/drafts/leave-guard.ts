import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';

/** Each mounted composer's "is there text not yet kept?" question. */
const askers = new Set<{ current: () => boolean }>();
let message = '';

function anyUnsaved(): boolean {
  return [...askers].some((asker) => asker.current());
}

/** Closing the tab, reloading, or typing another address: the browser asks with its own words. */
function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (!anyUnsaved()) return;
  event.preventDefault();
  // Older browsers ask only when returnValue is set.
  event.returnValue = '';
}

/**
 * A link inside the app (the router's or a plain one): asked before React Router sees the click, in the capture
 * phase, so a "stay" leaves the page and its text as they are. The app uses a BrowserRouter, whose navigations
 * cannot be blocked (useBlocker needs a data router): every in-app link is a click, and this catches each.
 */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
  const to = new URL(link.href, window.location.href);
  const here = window.location;
  // A link to a place on this page (#post-3) leaves nothing.
  if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) return;
  // Nor does a post's file: a picture opens in the page's lightbox, a document downloads (the server says so).
  if (to.origin === here.origin && to.pathname.startsWith('/api/uploads/')) return;
  if (anyUnsaved() && !window.confirm(message)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

/**
 * Asks before the member leaves a page while `unsaved()` says text they typed is kept nowhere yet (a draft not
 * saved so far, an edit not sent). One listener serves every composer on the page, so leaving asks once.
 */
export function useLeaveGuard(unsaved: () => boolean): void {
  const { t } = useTranslation();
  const asker = useRef(unsaved);
  useEffect(() => {
    asker.current = unsaved;
  });

  useEffect(() => {
    message = t('drafts.leave');
  }, [t]);

  useEffect(() => {
    const entry = asker;
    if (askers.size === 0) {
      window.addEventListener('beforeunload', onBeforeUnload);
      document.addEventListener('click', onClick, true);
    }
    askers.add(entry);
    return () => {
      askers.delete(entry);
      if (askers.size === 0) {
        window.removeEventListener('beforeunload', onBeforeUnload);
        document.removeEventListener('click', onClick, true);
      }
    };
  }, []);
}
