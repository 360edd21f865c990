import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for a database URL. The schema comes from committed migrations only (never synchronize). */
/** Connections per API process: a topic page makes three short queries, and 10 left requests queueing. */
const POOL_SIZE = 20;

export function dataSourceOptions(url: string, poolSize = POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: { max: poolSize },
  };
}
