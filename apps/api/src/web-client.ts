import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Serves the built React client: its hashed assets with long caching, and index.html for every other
 * GET outside /api and /socket.io, so that client routes survive a reload.
 */
export function serveWebClient(app: NestExpressApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return;
  const isApi = (request: Request): boolean =>
    request.path === '/api' || request.path.startsWith('/api/') || request.path.startsWith('/socket.io');
  app.use('/assets', express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  // API requests never look at the disk (a stat per request showed up in profiles).
  const files = express.static(webDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request)) next();
    else void files(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
