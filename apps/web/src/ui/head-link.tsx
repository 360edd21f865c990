import { createPortal } from 'react-dom';

/**
 * A `<link>` in the document's head while its screen is shown (an alerts page's Atom feeds, which feed readers
 * discover there). A portal says where it goes: the renderer does not move links into the head by itself.
 */
export function HeadLink(props: { rel: string; type: string; title: string; href: string }) {
  return createPortal(<link {...props} />, document.head);
}
