import { useEffect, type AnchorHTMLAttributes } from 'react';
import { useNavigate } from 'react-router';

/**
 * A link to one of the client's own pages, for what a page repeats by the dozen (a topic's post numbers and
 * authors, a list's rows). It is a plain `<a href>`: react-router's `<Link>` resolves its path and its click
 * handler with several hooks each, which a 50-post topic page on a weak phone paid about 150 ms for (4x slower
 * CPU, npm run bench:web's profile). One listener (`RouteLinks`, inside the router) follows the clicks instead.
 */
export function RouteLink({ to, children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a {...props} href={to} data-route="">
      {children}
    </a>
  );
}

/** Follows clicks on RouteLinks inside the client, as `<Link>` would; a new tab, a download or another site is left to the browser. */
export function RouteLinks() {
  const navigate = useNavigate();
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-route]') : null;
      if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      const path = url.pathname + url.search + url.hash;
      // As <Link>: following a link to the page already shown replaces its history entry rather than adding one.
      void navigate(path, { replace: path === window.location.pathname + window.location.search + window.location.hash });
    };
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [navigate]);
  return null;
}
