import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@harbour/config';
import { bootDatabase } from '@harbour/database';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl === null) {
    // An embedded PostgreSQL belongs to one process; a separate worker must share a real server.
    throw new ConfigError(['DATABASE_URL is required for a separate worker (npm start runs the worker in-process)']);
  }
  const database = await bootDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(database.config));
  app.enableShutdownHooks();
  new Logger('Worker').log('Harbour worker is draining the job queues');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
