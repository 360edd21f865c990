import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const postgres = globalThis.harbourTestPostgres;
  if (!postgres) return;
  await postgres.handle.stop();
  rmSync(postgres.directory, { recursive: true, force: true });
}
