import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@harbour/config';
import { bootDatabase } from '@harbour/database';
import { createApp } from './app.factory';
import { nestLogLevels } from './logger';

/** Where `vite build` puts the client, relative to this file in dist/apps/api/apps/api/src. */
const WEB_DIR = process.env.HARBOUR_WEB_DIR ?? join(__dirname, '../../../../../web');

async function main(): Promise<void> {
  const config = loadConfig();
  // Before the app exists, Nest's static logger would print every level: apply LOG_LEVEL from the start.
  Logger.overrideLogger(nestLogLevels(config.logLevel));
  const database = await bootDatabase(config);
  const app = await createApp(database.config, { webDir: WEB_DIR });
  const logger = new Logger('Harbour');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(database.config.port, database.config.host);
  logger.log(`Harbour is listening on ${database.config.publicUrl} (port ${database.config.port})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
