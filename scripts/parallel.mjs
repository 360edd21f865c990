// Runs npm scripts side by side and fails if any fails. `npm test` runs lint, the type check, and the builds then
// the tests, as three streams: the builds only emit (their type check is `typecheck`'s), so the tests start about
// 20 s in and the two checks (about 95 s and 30 s, single-threaded) fill the gaps the tests leave while they wait
// on sockets, SMTP and Chromium, instead of holding every test back for a minute and a half. `a+b` runs a then b
// (stopping at a failure). Each script's output is printed whole when it ends, so logs stay readable.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

// Node's compile cache (V8 code cache of every module loaded through Node's own loader) for the scripts and all
// they start: the Jest workers' TypeScript, each API and worker process a test spawns, ESLint, tsc. The first
// process fills it and the others skip compiling (about a tenth of the CPU of a suite that spawns processes).
// The modules Jest loads into a test file's sandbox are compiled by Jest, without it.
const env = {
  ...process.env,
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE || join(import.meta.dirname, '../node_modules/.cache/node-compile'),
};

/** One npm script; resolves to whether it passed. */
const run = (name) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });

async function series(names) {
  for (const name of names) if (!(await run(name))) return false;
  return true;
}

const results = await Promise.all(process.argv.slice(2).map((group) => series(group.split('+'))));
process.exit(results.every(Boolean) ? 0 : 1);
