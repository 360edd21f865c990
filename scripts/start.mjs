// npm start: builds what is missing, then runs the API (with the worker in-process and, without
// DATABASE_URL, an embedded PostgreSQL) on PORT. Ctrl-C stops the server and the database cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = join(root, 'dist/apps/api/apps/api/src/main.js');
const webEntry = join(root, 'dist/web/index.html');

/** Newest modification time under a folder (to rebuild when sources changed since the last build). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => existsSync(source) && newest(source) > built);
}

function run(script) {
  console.log(`[harbour] npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale(serverEntry, [join(root, 'apps/api/src'), join(root, 'libs')])) run('build:server');
if (stale(webEntry, [join(root, 'apps/web/src'), join(root, 'libs/contracts/src')])) run('build:web');

const child = spawn(process.execPath, [serverEntry], { cwd: root, stdio: 'inherit', env: process.env });
// The terminal sends Ctrl-C to the whole process group; the server shuts down on its own signal.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
