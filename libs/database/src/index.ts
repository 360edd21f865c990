export { bootDatabase } from './boot';
export type { BootedDatabase, RuntimeConfig } from './boot';
export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source.options';
export { startEmbeddedPostgres } from './embedded-postgres.launcher';
export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres.launcher';
export { pendingSchemaChanges, runMigrations } from './migrate';
