import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Show and Hide for a post or message by a member the reader blocked: it starts collapsed, one click shows it.
 * The button pressed goes away with the view it belonged to, so the focus follows: to the article shown, or
 * back to its Show button. `article` goes on the <article> of both views.
 */
export function useBlockedReveal(): { article: RefObject<HTMLElement | null>; revealed: boolean; reveal: (on: boolean) => void } {
  const [revealed, setRevealed] = useState(false);
  const article = useRef<HTMLElement>(null);
  const toggled = useRef(false);
  const reveal = (on: boolean) => {
    toggled.current = true;
    setRevealed(on);
  };
  // Only after a click: a view that merely renders collapsed or shown must not take the focus.
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (revealed ? article.current : article.current?.querySelector('button'))?.focus();
  }, [revealed]);
  return { article, revealed, reveal };
}
