/**
 * Writes a migration that brings a freshly migrated database in line with the entities:
 *   npm run migration:generate -- AddTopics
 * It runs against a throw-away embedded PostgreSQL, so it needs no database of yours.
 * Review the file, then add its class to libs/database/src/migrations/index.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../libs/database/src/embedded-postgres.launcher';
import { dataSourceOptions } from '../libs/database/src/data-source.options';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name, e.g. AddTopics');
  const dir = mkdtempSync(join(tmpdir(), 'harbour-migrate-'));
  const postgres = await startEmbeddedPostgres({ directory: dir, ephemeral: true });
  try {
    const dataSource = new DataSource(dataSourceOptions(postgres.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const quote = (text: string): string => '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const lines = (queries: { query: string }[]): string =>
      queries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const file = join('libs/database/src/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
    );
    console.log(`Wrote ${file}: review it, then add ${name}${timestamp} to libs/database/src/migrations/index.ts`);
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
