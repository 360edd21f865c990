import { options, type VNode } from 'preact';

/**
 * The components are written for React's API; the page runs them on Preact's compat layer (vite.config.mts).
 * Two things React does that Preact does otherwise, set here once, before the first render (main.tsx imports it
 * first), so the components behave as written:
 */

/**
 * Effects run at once after each render, not after the next frame: React runs them before the next input event
 * for a key press or a click, and the components count on it. A menu opened by ArrowDown moves focus to its first
 * item in an effect; a frame later, a second key press (a fast typist, a screen reader) still went to the button.
 * And a query starts in an effect: the client's page looked settled, with nothing loading yet, and replaced a
 * guest's server page with its own still empty one.
 */
options.requestAnimationFrame = queueMicrotask;

/**
 * `autoFocus` as React gives it: the element takes focus when it is put on the page (the reply box the `r`
 * shortcut opens, a dialog's safe button). Preact only writes the `autofocus` attribute, which browsers honour at
 * page load and in a modal dialog but not for an element added later.
 */
const focused = new WeakSet<Element>();
const previous = options.vnode?.bind(options);

options.vnode = (vnode: VNode<{ autoFocus?: boolean }>) => {
  if (typeof vnode.type === 'string' && vnode.props.autoFocus) {
    const own = vnode.ref;
    vnode.ref = (element: Element | null) => {
      // A new callback each render: focus only the first time this element is seen, not at every update.
      if (element instanceof HTMLElement && !focused.has(element)) {
        focused.add(element);
        element.focus();
      }
      if (typeof own === 'function') own(element);
      else if (own) own.current = element;
    };
  }
  previous?.(vnode);
};
