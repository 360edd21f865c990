import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen with its heading. The heading takes focus when the screen opens, so that screen-reader and
 * keyboard users land on the new content after a client-side navigation.
 */
export function Page({ title, children, narrow }: { title: string; children: ReactNode; narrow?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Harbour`;
    heading.current?.focus();
  }, [title]);
  return (
    <section className={narrow ? 'page page-narrow' : 'page'} aria-labelledby="page-title">
      <h1 id="page-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
