import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_OWNERS } from './table-owners';

/**
 * Each lib owns its tables (README, "Each lib owns its tables"): this test reads every lib's source and fails
 * when SQL in one lib names a table another lib owns, or when a lib other than an entity file imports
 * another lib's entity class (which would let it query or write that table through TypeORM).
 */
const LIBS = join(__dirname, '..', '..');
const SQL_TABLE = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+"?(${Object.keys(TABLE_OWNERS).join('|')})\\b(?!\\.)`, 'g');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function libOf(path: string): string {
  return path.slice(LIBS.length + 1).split('/')[0] ?? '';
}

const files = readdirSync(LIBS).flatMap((lib) => sourceFiles(join(LIBS, lib, 'src')));

/** Entity class name → owning lib, read from the @Entity('<table>') declarations themselves. */
const entityOwners = new Map<string, { lib: string; table: string }>();
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  for (const [, table = '', name = ''] of text.matchAll(/@Entity\('(\w+)'\)[^]*?export class (\w+)/g)) {
    entityOwners.set(name, { lib: libOf(path), table });
  }
}

describe('table ownership', () => {
  it('names an owner for every table, and each table is declared by its owner', () => {
    const declared = [...entityOwners.values()].map(({ lib, table }) => `${table}:${lib}`).sort();
    const mapped = Object.entries(TABLE_OWNERS)
      .map(([table, lib]) => `${table}:${lib}`)
      .sort();
    expect(declared).toEqual(mapped);
  });

  it('finds no SQL in one lib naming a table another lib owns', () => {
    const trespasses = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(SQL_TABLE)]
        .map((match) => ({ table: match[1] ?? '', line: text.slice(0, match.index).split('\n').length }))
        .filter(({ table }) => TABLE_OWNERS[table] !== libOf(path))
        .map(({ table, line }) => `${path.slice(LIBS.length + 1)}:${line} names ${table} (${TABLE_OWNERS[table]})`);
    });
    expect(trespasses).toEqual([]);
  });

  it('finds no lib using another lib’s entity outside entity declarations (foreign keys)', () => {
    const trespasses = files
      .filter((path) => !/\.entit(y|ies)\.ts$/.test(path) && libOf(path) !== 'database')
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        const imports = [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@harbour\/(\w+)'/g)];
        return imports.flatMap(([, names = '', from = '']) =>
          names
            .split(',')
            .map((name) => (name.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0] ?? '').trim())
            .filter((name) => entityOwners.get(name)?.lib === from && from !== libOf(path))
            .map((name) => `${path.slice(LIBS.length + 1)} imports entity ${name} (${from})`),
        );
      });
    expect(trespasses).toEqual([]);
  });
});
