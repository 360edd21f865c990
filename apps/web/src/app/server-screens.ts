import { lazyPage } from './lazy-page';

/*
 * The screens the server also renders for a guest (apps/api/src/pages): the home page, a category and a topic.
 * Their code comes with the entry (the server page's modulepreload links) and main.tsx loads it before the first
 * render, so the client draws the page in one go instead of a skeleton first.
 */
export const HomePage = lazyPage(() => import('../features/forum/components/home-page').then((m) => m.HomePage), { laterStrings: false });
export const CategoryPage = lazyPage(() => import('../features/forum/components/category-page').then((m) => m.CategoryPage), {
  laterStrings: false,
});
export const TopicPage = lazyPage(() => import('../features/forum/components/topic-page').then((m) => m.TopicPage), {
  laterStrings: false,
});

/** Loads the screen of a server-rendered page's address (as app.tsx routes it); nothing for other addresses. */
export function preloadServerScreen(pathname: string): Promise<void> {
  if (pathname === '/') return HomePage.preload();
  if (/^\/c\/[^/]+\/?$/.test(pathname)) return CategoryPage.preload();
  if (pathname.startsWith('/t/')) return TopicPage.preload();
  return Promise.resolve();
}
