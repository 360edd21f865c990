import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/renderer';
import { languageReady, loadLaterStrings } from './i18n';
import './styles.css';
import { App, queryClient } from './app/app';
import { preloadServerScreen } from './app/server-screens';
import { watchPresses, whenSettled } from './app/take-over';
import { markPageReady } from './lib/page-ready';

const root = document.getElementById('root');
// A guest's home, category or topic page came rendered by the server (#server-page): it stays on screen,
// readable and with working links, while the client renders into the hidden #root; the client replaces it
// only once its own page shows its data, so nothing flashes empty. Either way the `harbour:ready` mark says
// when the page is usable (npm run bench:web reads it).
const serverPage = document.getElementById('server-page');
const whenFree = serverPage ? watchPresses(serverPage) : (swap: () => void) => swap();
if (root) {
  // A server-rendered page's screen is loaded before the first render (server-screens.ts: no skeleton first).
  void Promise.all([languageReady, serverPage ? preloadServerScreen(window.location.pathname).catch(() => undefined) : undefined]).then(
    () => {
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
      whenSettled(root, queryClient, () =>
        whenFree(() => {
          if (serverPage) {
            // Keep where the reader was: the client's page has the same layout, so the same scroll offset.
            const scroll = window.scrollY;
            serverPage.remove();
            root.hidden = false;
            window.scrollTo(0, scroll);
          }
          performance.mark('harbour:ready');
          markPageReady();
          // The strings of other screens, before the reader goes to one (a no-op when already loaded).
          void loadLaterStrings();
        }),
      );
    },
  );
}
// The service worker (public/sw.js): web push, and the hashed assets kept for the next visit. A browser that
// refuses it (private windows may) simply has neither: the site works the same.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
