import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { SESSION_COOKIE } from '@harbour/access';
import { GuestPages } from './pages/guest-pages';
import { PageShell } from './pages/shell';

/** A year: hashed asset names change with their content, so a browser never needs to ask again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Brotli (or gzip) for every compressible answer: JSON, server-rendered pages, index.html. Quality 4 for
 * brotli (the package's default) costs about as much CPU as gzip; hashed assets are compressed once, at
 * build time, at the highest quality (see serveAssets), and pass through untouched (already encoded).
 */
export function compressResponses(app: NestExpressApplication): void {
  app.use(compression({ threshold: 1024 }));
}

/**
 * Serves the built React client: its hashed assets with immutable caching (precompressed .br/.gz copies
 * when the browser takes them), server-rendered pages for guests (home, category, topic: readable with no
 * JavaScript), and index.html for every other GET outside /api and /socket.io, so client routes survive a reload.
 */
export function serveWebClient(app: NestExpressApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return;
  const isApi = (request: Request): boolean =>
    request.path === '/api' || request.path.startsWith('/api/') || request.path.startsWith('/socket.io');
  serveAssets(app, join(webDir, 'assets'));
  // API requests never look at the disk (a stat per request showed up in profiles).
  const files = express.static(webDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request)) next();
    else void files(request, response, next);
  });
  const shell = new PageShell(readFileSync(index, 'utf8'));
  const pages = new GuestPages(app, shell, webDir);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    // A signed-in browser gets the client alone: server pages are only ever rendered for nobody (caller = null).
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    if (cookies?.[SESSION_COOKIE]) return void response.sendFile(index);
    pages
      .render(request)
      .then((page) => {
        if (!page) return void response.sendFile(index);
        response.vary('Cookie').vary('Accept-Language');
        if (page.location) response.location(page.location);
        response.status(page.status).type('html').send(page.html);
      })
      .catch(next);
  });
}

/**
 * Headers that only mean something on a document (framing, window isolation, old IE's download and XSS
 * switches): a script or style sheet carries them for nothing, and a weak phone's first load fetches a dozen
 * of those. The CSP stays on scripts (it would govern one started as a worker); nosniff and CORP stay on all.
 */
const DOCUMENT_ONLY = [
  'Cross-Origin-Opener-Policy',
  'Origin-Agent-Cluster',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Frame-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
];

function trimHeaders(response: Response, name: string): void {
  if (!/\.(js|css)$/.test(name)) return;
  for (const header of DOCUMENT_ONLY) response.removeHeader(header);
  if (name.endsWith('.css')) response.removeHeader('Content-Security-Policy');
}

/** Hashed assets: the .br or .gz copy written by the build when the request accepts it, else the file itself. */
function serveAssets(app: NestExpressApplication, dir: string): void {
  const names = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
  app.use('/assets', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = decodeURIComponent(request.path.slice(1));
    if (!names.has(name) || name.includes('/')) return next();
    trimHeaders(response, name);
    // Brotli whenever it is accepted: browsers list gzip first, and a plain negotiation would pick it (15% larger).
    const encoding = request.acceptsEncodings('br') === 'br' ? 'br' : request.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    const suffix = encoding ? `.${encoding === 'br' ? 'br' : 'gz'}` : '';
    response.vary('Accept-Encoding');
    if (!suffix || !names.has(name + suffix)) return next();
    response.setHeader('Content-Encoding', encoding ?? 'identity');
    response.type(extname(name));
    // Immutable: no Last-Modified or ranges needed (the ETag stays for a forced reload).
    const options = { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false, lastModified: false, acceptRanges: false };
    response.sendFile(join(dir, name + suffix), options, (error) => {
      if (error) next(error);
    });
  });
  app.use('/assets', express.static(dir, { immutable: true, maxAge: '365d', fallthrough: false }));
}
