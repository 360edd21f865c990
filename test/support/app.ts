import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '@harbour/config';
import type { RuntimeConfig } from '@harbour/database';
import { freshDatabase, sql } from './database';
import { SmtpSink } from './smtp-sink';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  dataDir: string;
  config: RuntimeConfig;
  smtp: SmtpSink | null;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start an SMTP sink and send mail to it (default); false writes .eml files to the outbox instead. */
  smtp?: boolean;
  webDir?: string;
  env?: Record<string, string>;
}

/** The real API app (the same createApp as production) on a fresh database, listening on loopback. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-app-'));
  const smtp = options.smtp === false ? null : new SmtpSink();
  const smtpUrl = smtp ? await smtp.start() : undefined;
  const base = loadConfig({
    DATABASE_URL: databaseUrl,
    HARBOUR_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    ...options.env,
  });
  const app = await createApp(
    { ...base, databaseUrl, sessionSecret: base.sessionSecret ?? '' },
    {
      webDir: options.webDir,
      jobPollingSeconds: 0.5,
    },
  );
  // Suites register many members from one address and post quickly; the suites about limits turn them back on.
  await sql(
    databaseUrl,
    `UPDATE site_settings SET rate_limits = rate_limits || '{"registrationsPerHourPerIp":0,"loginAttemptsPerHourPerIp":0,"postsPerMinute":0,"topicsPerDay":0,"flagsPerDay":0,"uploadsPerHour":0}'`,
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const config = { ...base, databaseUrl, sessionSecret: base.sessionSecret ?? '', publicUrl: base.publicUrl };
  return {
    app,
    baseUrl,
    databaseUrl,
    dataDir,
    config,
    smtp,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await smtp?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
