import type { Request } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InvalidInputError, isUuid, MovedPermanentlyError, NotFoundError } from '@harbour/common';
import { TOPIC_POSTS_PER_PAGE } from '@harbour/contracts';
import { CategoriesService, PostsService, TopicSurgeryService, TopicsService } from '@harbour/forum';
import { SettingsService } from '@harbour/settings';
import { escapeHtml } from './html';
import { dataPreloads, screenPreloads, type Screen } from './preloads';
import type { PageShell } from './shell';
import { badLinkView, categoryView, homeView, layout, notFoundView, topicView, type PageContext, type View } from './views';
import { pickLanguage, WORDS } from './words';

export interface RenderedPage {
  status: number;
  html: string;
  /** A 301's destination (a merged topic's page leads to the topic it went into). */
  location?: string;
}

const TOPICS_PER_PAGE = 30;

/**
 * Server-rendered pages for a guest (no session cookie): the home page, a category and a topic, readable
 * with no JavaScript (a low-end or text browser, a search engine) and shown at once while the client
 * loads. They ask the same services as the API with caller = null, so libs/access decides what a visitor
 * sees: a private or missing topic is the same 404 page, byte for byte. Every other path: null (the client).
 */
/** A page's view, the client screen that takes it over, and the API requests that screen makes first. */
interface Rendered {
  view: View;
  screen: Screen;
  fetches: string[];
}

export class GuestPages {
  private readonly preloads: Record<Screen, string>;

  constructor(
    private readonly app: NestExpressApplication,
    private readonly shell: PageShell,
    webDir: string,
  ) {
    this.preloads = screenPreloads(webDir);
  }

  async render(request: Request): Promise<RenderedPage | null> {
    const route = matchRoute(request.path);
    if (!route) return null;
    const settings = await this.app.get(SettingsService, { strict: false }).get();
    // A members-only site shows a visitor nothing but the client (which asks them to sign in).
    if (settings.loginRequired) return null;
    const lang = pickLanguage(request.get('accept-language'), settings.defaultLocale);
    const context: PageContext = {
      lang,
      w: WORDS[lang],
      siteName: settings.siteName,
      siteDescription: settings.siteDescription,
      quickExitUrl: settings.quickExitUrl,
    };
    const query = (name: string): string | undefined => {
      const value: unknown = request.query[name];
      return typeof value === 'string' ? value : undefined;
    };
    try {
      const { view, screen, fetches } = await this.view(context, route, query);
      // Every screen asks who is signed in and the site's settings first (lib/session.ts, lib/site.ts).
      const head = `${this.preloads[screen]}\n    ${dataPreloads(['/api/me', '/api/site', ...fetches].map(escapeHtml))}`;
      return { status: 200, html: this.document(context, view, head) };
    } catch (error) {
      if (error instanceof MovedPermanentlyError)
        return { status: 301, html: '', location: error.location.replace(/^\/api\/topics\//, '/t/') };
      if (error instanceof NotFoundError) return { status: 404, html: this.document(context, notFoundView(context)) };
      if (error instanceof InvalidInputError) return { status: 400, html: this.document(context, badLinkView(context)) };
      throw error;
    }
  }

  private async view(context: PageContext, route: Route, query: (name: string) => string | undefined): Promise<Rendered> {
    const caller = null;
    const topics = this.app.get(TopicsService, { strict: false });
    const cursor = query('cursor');
    if (cursor !== undefined && (cursor.length > 200 || cursor.includes('\0'))) throw new InvalidInputError('cursor is not valid');
    if (route.kind === 'home') {
      const categories = this.app.get(CategoriesService, { strict: false });
      const [list, latest] = await Promise.all([categories.list(caller), topics.listAll(caller, { limit: TOPICS_PER_PAGE, cursor })]);
      const more = latest.nextCursor ? `/?cursor=${encodeURIComponent(latest.nextCursor)}` : null;
      // The first page only: a later one (?cursor=) is not what the client's screen asks for.
      const fetches = cursor ? [] : ['/api/categories', '/api/topics?filter=latest'];
      return { view: homeView(context, list.items, latest.items, more), screen: 'home', fetches };
    }
    // Ids that cannot exist are a 404 before any query, like the API's lookups.
    if (!isUuid(route.id)) throw new NotFoundError();
    if (route.kind === 'category') {
      const categories = this.app.get(CategoriesService, { strict: false });
      const category = await categories.get(caller, route.id);
      const page = await topics.listInCategory(caller, route.id, { limit: TOPICS_PER_PAGE, cursor });
      const more = page.nextCursor ? `/c/${category.id}?cursor=${encodeURIComponent(page.nextCursor)}` : null;
      const fetches = cursor ? [] : [`/api/categories/${category.id}`, `/api/categories/${category.id}/topics?filter=latest`];
      return { view: categoryView(context, category, page.items, more), screen: 'category', fetches };
    }
    const before = parseNumber(query('before'), 'before');
    // A post's link opens the page holding it (the client then scrolls to it).
    const around = cursor === undefined && before === undefined ? parseNumber(route.number, 'around') : undefined;
    const topic = await topics.get(caller, route.id).catch(async (error: unknown) => {
      // A topic merged into another: its page leads there, as its API address does (when a visitor may see it).
      if (error instanceof NotFoundError) await this.app.get(TopicSurgeryService, { strict: false }).redirectIfMerged(caller, route.id);
      throw error;
    });
    const posts = await this.app
      .get(PostsService, { strict: false })
      .listInTopic(caller, route.id, { limit: TOPIC_POSTS_PER_PAGE, cursor, ...(before ? { before } : {}), ...(around ? { around } : {}) });
    const category = await this.app.get(CategoriesService, { strict: false }).get(caller, topic.categoryId);
    const base = `/t/${topic.id}`;
    const view = topicView(context, topic, category, posts.items, {
      earlier: posts.before ? `${base}?before=${posts.before}` : null,
      later: posts.nextCursor ? `${base}?cursor=${encodeURIComponent(posts.nextCursor)}` : null,
    });
    const first = cursor === undefined && before === undefined && around === undefined;
    return {
      view,
      screen: 'topic',
      // The notices (moves, splits, merges) are asked for once the thread is drawn: preloaded, their answer is
      // already there then, not one more round trip before the page is usable.
      fetches: first
        ? [`/api/topics/${topic.id}`, `/api/topics/${topic.id}/posts?limit=${TOPIC_POSTS_PER_PAGE}`, `/api/topics/${topic.id}/notices`]
        : [],
    };
  }

  private document(context: PageContext, view: View, head?: string): string {
    const title = `${view.title} · ${context.siteName}`;
    return this.shell.page({
      lang: context.lang,
      title: escapeHtml(title),
      description: view.description ? escapeHtml(view.description) : undefined,
      body: layout(context, view.main).value,
      head,
    });
  }
}

type Route = { kind: 'home' } | { kind: 'category'; id: string } | { kind: 'topic'; id: string; number?: string };

/** The client's routes for these pages (app.tsx): /, /c/:id, /t/:id and a post's link /t/:slug/:id/:number. */
function matchRoute(path: string): Route | null {
  if (path === '/') return { kind: 'home' };
  const parts = path.split('/').slice(1);
  if (parts[0] === 'c' && parts.length === 2 && parts[1]) return { kind: 'category', id: parts[1] };
  if (parts[0] !== 't') return null;
  if (parts.length === 2 && parts[1]) return { kind: 'topic', id: parts[1] };
  // /t/<slug>/<id> and /t/<slug>/<id>/<number>: the slug is decoration, the id decides.
  if ((parts.length === 3 || parts.length === 4) && parts[2]) return { kind: 'topic', id: parts[2], number: parts[3] };
  return null;
}

function parseNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new InvalidInputError(`${name} must be a post number`);
  return Number(value);
}
