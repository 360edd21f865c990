import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { isDiscreet } from '../lib/discreet';
import { useMe } from '../lib/session';
import { useSite } from '../lib/site';

/** The location the page was loaded at, and the last one whose heading took focus (module state: one per tab). */
let loadedAt: string | undefined;
let navigated = false;
let focusedAt: string | undefined;

/**
 * Whether this screen's heading should take focus. Not on a fresh page load: focus stays at the top of the
 * document, so the first Tab reaches the skip link and the header (focusing the heading would put keyboard
 * users past them). After a client-side navigation, yes, once per location: screen-reader and keyboard users
 * land on the new content; a re-render (a language change) does not steal focus again.
 */
function shouldFocus(key: string): boolean {
  if (loadedAt === undefined) loadedAt = key;
  else if (key !== loadedAt) navigated = true;
  if (!navigated) return false;
  // The same location again: only if focus was lost with a replaced element (it fell back to <body>).
  if (key === focusedAt && document.activeElement !== document.body) return false;
  focusedAt = key;
  return true;
}

/** A screen with its heading, which takes focus after a client-side navigation (see shouldFocus). */
export function Page({ title, children, narrow }: { title: string; children: ReactNode; narrow?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  // The site's own name (issue 19), never "Harbour"; until it has loaded, the title alone. A discreet member's
  // tab says neither (issue 20): the same neutral word on every page.
  const siteName = useSite().data?.siteName;
  const discreet = isDiscreet(useMe().data);
  const neutral = useTranslation().t('discreet.tabTitle');
  useEffect(() => {
    document.title = discreet ? neutral : siteName ? `${title} · ${siteName}` : title;
  }, [title, siteName, discreet, neutral]);
  useEffect(() => {
    if (shouldFocus(key)) heading.current?.focus();
  }, [key]);
  return (
    <section className={narrow ? 'page page-narrow' : 'page'} aria-labelledby="page-title">
      <h1 id="page-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
