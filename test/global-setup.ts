import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { register } from 'tsconfig-paths';

// Jest's moduleNameMapper does not reach global setup: resolve the @harbour/* aliases here.
register({ baseUrl: join(__dirname, '..'), paths: { '@harbour/*': ['libs/*/src/index.ts'] } });

// (must load after the aliases are registered)
import { runMigrations, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@harbour/database';

declare global {
  var harbourTestPostgres: { handle: EmbeddedPostgresHandle; directory: string } | undefined;
}

/** Starts one embedded PostgreSQL for the run and prepares a migrated template database for suites to copy. */
export default async function globalSetup(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'harbour-test-'));
  chmodSync(directory, 0o755);
  const handle = await startEmbeddedPostgres({ directory: join(directory, 'pg'), ephemeral: true, maxConnections: 400 });
  globalThis.harbourTestPostgres = { handle, directory };

  const admin = new Client(`${handle.serverUrl}/postgres`);
  await admin.connect();
  await admin.query('CREATE DATABASE harbour_template');
  await admin.end();
  const templateUrl = `${handle.serverUrl}/harbour_template`;
  await runMigrations(templateUrl);
  // pg-boss creates its schema on first start; doing it once here saves each suite the time.
  const plans = PgBoss.getConstructionPlans('pgboss');
  const template = new Client(templateUrl);
  await template.connect();
  await template.query(plans);
  await template.end();

  process.env.HARBOUR_TEST_PG_SERVER = handle.serverUrl;
  // Cheap argon2id hashes for the run's thousands of members (libs/accounts/src/password.ts; NODE_ENV=test only).
  process.env.HARBOUR_FAST_PASSWORD_HASHES = '1';
}
