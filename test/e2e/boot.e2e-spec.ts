import { Logger } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@harbour/config';
import { bootDatabase } from '@harbour/database';
import { sql } from '../support/database';

describe('starting without DATABASE_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-boot-'));
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts an embedded PostgreSQL in the data folder, migrates it, and keeps everything for the next start', async () => {
    const config = loadConfig({ HARBOUR_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const first = await bootDatabase(config);
    try {
      expect(first.config.databaseUrl).toMatch(/^postgres:\/\/harbour:[0-9a-f]+@127\.0\.0\.1:\d+\/harbour$/);
      await sql(
        first.config.databaseUrl,
        `INSERT INTO users (username, username_key, display_name, email, password_hash) VALUES ('kept', 'kept', 'kept', 'kept@example.org', 'x')`,
      );
    } finally {
      await first.stop();
    }
    const secret = readFileSync(join(dataDir, 'session-secret'), 'utf8');
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const second = await bootDatabase(config);
    try {
      const rows = await sql<{ username: string }>(second.config.databaseUrl, 'SELECT username FROM users');
      expect(rows).toEqual([{ username: 'kept' }]);
      expect(second.config.sessionSecret).toBe(secret);
    } finally {
      await second.stop();
    }
  }, 60000);
});
