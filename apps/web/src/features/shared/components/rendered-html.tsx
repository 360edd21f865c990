import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Lightbox, type LightboxPicture } from './lightbox';
import './uploads.css';

interface RenderedHtmlProps extends Omit<HTMLAttributes<HTMLDivElement>, 'dangerouslySetInnerHTML' | 'children'> {
  /** Sanitized on the server (a post's, a message's or a preview's html). */
  html: string;
}

/**
 * Html the server rendered, in a `.post-body`. A picture in it is a link to the full file around its thumbnail
 * (`a.upload-image`): followed without JavaScript; here a click or Enter opens it in a lightbox instead. One
 * listener on the container serves every picture, whatever html the server sends next.
 */
export function RenderedHtml({ html, className = 'post-body', ...rest }: RenderedHtmlProps) {
  const container = useRef<HTMLDivElement>(null);
  const [picture, setPicture] = useState<LightboxPicture | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const open = (event: MouseEvent) => {
      // A modified click (new tab, download) keeps the browser's meaning.
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.upload-image') : null;
      const href = link?.getAttribute('href');
      // Only this site's own files open here (the server's renderer is what writes the class).
      if (!link || !href?.startsWith('/api/uploads/') || !element.contains(link)) return;
      event.preventDefault();
      setPicture({ src: href, alt: link.querySelector('img')?.getAttribute('alt') ?? '', opener: link });
    };
    // Enter on a focused link is a click too: one listener serves mouse, touch and keyboard.
    element.addEventListener('click', open);
    return () => element.removeEventListener('click', open);
  }, []);
  return (
    <>
      <div ref={container} className={className} {...rest} dangerouslySetInnerHTML={{ __html: html }} />
      {picture && <Lightbox picture={picture} onClose={() => setPicture(null)} />}
    </>
  );
}
