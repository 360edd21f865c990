import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SettingsService } from '@harbour/settings';

/** The brand colour of the icons (apps/web/public/icons, drawn from favicon.svg). */
const THEME_COLOR = '#1d4e89';

/**
 * What makes the site installable: the web app manifest, named after the site (its name is a setting, so the
 * manifest is made per request, not built), and the service worker, served `no-cache` so a new version is
 * seen at the next visit (browsers also check it at least daily), for the whole site's scope. Registered
 * before the client's static files, which would otherwise serve sw.js with their one-hour caching.
 */
export function serveInstallFiles(app: NestExpressApplication, webDir: string): void {
  const worker = join(webDir, 'sw.js');
  const settings = app.get(SettingsService);
  const onlyReads =
    (handler: (request: Request, response: Response, next: NextFunction) => void) =>
    (request: Request, response: Response, next: NextFunction) =>
      (request.method === 'GET' || request.method === 'HEAD') && request.path === '/' ? handler(request, response, next) : next();

  app.use(
    '/manifest.webmanifest',
    onlyReads((_request, response, next) => {
      settings
        .get()
        .then(({ siteName }) => {
          response.setHeader('Cache-Control', 'no-cache');
          response.type('application/manifest+json').send(JSON.stringify(manifest(siteName)));
        })
        .catch(next);
    }),
  );
  if (!existsSync(worker)) return;
  app.use(
    '/sw.js',
    onlyReads((_request, response, next) => {
      response.sendFile(
        worker,
        { headers: { 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/' }, cacheControl: false },
        (error) => {
          if (error) next(error);
        },
      );
    }),
  );
}

function manifest(siteName: string): Record<string, unknown> {
  return {
    id: '/',
    name: siteName,
    short_name: siteName.length <= 12 ? siteName : siteName.slice(0, 12).trimEnd(),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
