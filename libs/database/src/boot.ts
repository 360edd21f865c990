import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { resolveSessionSecret, type HarbourConfig } from '@harbour/config';
import { startEmbeddedPostgres } from './embedded-postgres.launcher';
import { runMigrations } from './migrate';

/** A configuration whose database URL and session secret are known. */
export type RuntimeConfig = HarbourConfig & { databaseUrl: string; sessionSecret: string };

export interface BootedDatabase {
  config: RuntimeConfig;
  /** Stops the embedded PostgreSQL, if this process started one. */
  stop(): Promise<void>;
}

/**
 * Gets a database ready: the server at DATABASE_URL, or an embedded PostgreSQL kept in
 * HARBOUR_DATA_DIR/postgres; then applies pending migrations.
 */
export async function bootDatabase(config: HarbourConfig): Promise<BootedDatabase> {
  const logger = new Logger('Database');
  const withSecret = resolveSessionSecret(config);
  let url = withSecret.databaseUrl;
  let stop = (): Promise<void> => Promise.resolve();
  if (url === null) {
    const directory = join(withSecret.dataDir, 'postgres');
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${directory}`);
    const embedded = await startEmbeddedPostgres({ directory, onLog: (line) => logger.debug(line.trim()) });
    url = embedded.url;
    stop = () => embedded.stop();
  }
  try {
    const applied = await runMigrations(url);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { config: { ...withSecret, databaseUrl: url, sessionSecret: withSecret.sessionSecret as string }, stop };
}
