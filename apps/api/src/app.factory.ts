import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { HarbourExceptionFilter, HostileInputPipe } from '@harbour/common';
import { HarbourIoAdapter } from '@harbour/realtime';
import type { RuntimeConfig } from '@harbour/database';
import { AppModule } from './app.module';
import { nestLogLevels } from './logger';
import { buildOpenApiDocument } from './openapi';
import { serveInstallFiles } from './install-files';
import { compressResponses, serveWebClient } from './web-client';
import { refuseUnreadableBodies } from './body-types';

export interface AppOptions {
  /** The built client (dist/web); nothing is served at / when it is missing. */
  webDir?: string;
  /** Tests poll the job queue more often than production needs to. */
  jobPollingSeconds?: number;
}

/** Largest JSON body: a long post with room to spare; anything bigger is a 413. */
export const JSON_BODY_LIMIT = '256kb';
/** Largest subscriber import (CSV). */
export const SUBSCRIBER_IMPORT_LIMIT = '20mb';

/** Builds the whole API app (used by main.ts and by the end-to-end tests, so both run the same thing). */
export async function createApp(config: RuntimeConfig, options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { jobPollingSeconds: options.jobPollingSeconds }),
    {
      bodyParser: false,
      logger: nestLogLevels(config.logLevel),
    },
  );
  const https = config.publicUrl.startsWith('https:');
  // Behind docker-compose's nginx the client address arrives in X-Forwarded-For from a private network.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          mediaSrc: ["'self'"],
          // The web app manifest and the service worker (apps/api/src/install-files.ts): this site's own only.
          manifestSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  compressResponses(app);
  app.use(cookieParser());
  app.use('/api', refuseUnreadableBodies);
  // RFC 8058: mail clients send the one-click unsubscribe as a tiny form.
  app.use(
    ['/api/notifications/unsubscribe', '/api/mailing/unsubscribe', '/api/alerts/unsubscribe'],
    express.urlencoded({ extended: false, limit: '1kb' }),
  );
  // A subscriber import is CSV: 34,000 addresses with their consent records are about 3 MB.
  app.use('/api/mailing/subscribers/import', express.text({ type: 'text/csv', limit: SUBSCRIBER_IMPORT_LIMIT }));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  app.setGlobalPrefix('api');
  // NUL and lone surrogates are refused in every path parameter, query value and body field before validation.
  app.useGlobalPipes(
    new HostileInputPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new HarbourExceptionFilter());

  const document = await buildOpenApiDocument(app);
  const server: express.Express = app.getHttpAdapter().getInstance();
  server.get('/api/openapi.json', (_request, response) => {
    response.json(document);
  });
  if (options.webDir) serveInstallFiles(app, options.webDir);
  if (options.webDir) serveWebClient(app, options.webDir);
  const sockets = new HarbourIoAdapter(app, { redisUrl: config.redisUrl, databaseUrl: config.databaseUrl });
  await sockets.connect();
  app.useWebSocketAdapter(sockets);
  return app;
}
