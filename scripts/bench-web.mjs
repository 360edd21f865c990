// npm run bench:web (after npm run build): a guest's first load on a weak phone, measured in Debian's Chromium.
// Seeds a forum on a throw-away embedded PostgreSQL (a category with a topic of 60 posts, and 20 more topics),
// then throttles the page through the DevTools protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip,
// CPU 4x slower) and loads the home page and the topic page cold (a fresh browser context: no cache, no
// cookies) BENCH_WEB_RUNS=5 times each. Prints and writes (BENCH_WEB_OUT, default dist/bench-web.json) the
// medians of:
//   fcpMs     first contentful paint;
//   usableMs  the app's own `harbour:ready` mark (its data rendered, its handlers attached), or, for a client
//             that sets no mark, the moment its React tree shows the page's data;
//   jsKB      JavaScript transferred (compressed bytes on the wire, headers included) during the first load:
//             until the page is usable and the network has been quiet a second (deferred chunks count);
//   jsBeforeUsableKB  the part of it the page asked for before it was usable.
// BENCH_WEB_COMPARE=<another built checkout> measures it too, its loads alternating with these (before/after).
// BENCH_WEB_TRACE=1 prints every load's requests (start, end, bytes); BENCH_WEB_PROFILE=1 every load's main-thread
// CPU time until usable, by script and by function (self time, as the throttled page spent it); BENCH_WEB_PROFILE=<folder>
// also writes each load's .cpuprofile there. BENCH_WEB_PORT=3998 (and the next one), CHROMIUM_PATH=/usr/bin/chromium, HARBOUR_WEB_DIR=<another built client> to compare builds.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_WEB_PORT ?? 3998);
const runs = Number(process.env.BENCH_WEB_RUNS ?? 5);
const out = process.env.BENCH_WEB_OUT ?? join(root, 'dist/bench-web.json');
const POSTS = 60;
const OTHER_TOPICS = 20;
const THROTTLE = {
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  cpuRate: 4,
};

/**
 * A built Harbour (`dir`: a checkout after `npm run build`) on its own throw-away embedded PostgreSQL and port.
 * BENCH_WEB_COMPARE=<another checkout> measures a second one in the same run, its loads taking turns with
 * this one's, so that both meet the same machine (a shared machine's load swings the timings a lot).
 */
async function startSite(dir, sitePort, webDir = join(dir, 'dist/web')) {
  const serverEntry = join(dir, 'dist/apps/api/apps/api/src/main.js');
  if (!existsSync(serverEntry) || !existsSync(join(webDir, 'index.html'))) {
    throw new Error(`bench:web measures the built server and client: run \`npm run build\` first (in ${dir}).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-bench-web-'));
  const { startEmbeddedPostgres } = createRequire(import.meta.url)(
    join(dir, 'dist/apps/api/libs/database/src/embedded-postgres.launcher.js'),
  );
  const postgres = await startEmbeddedPostgres({ directory: join(dataDir, 'postgres') });
  const server = spawn(process.execPath, [serverEntry], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(sitePort),
      HOST: '127.0.0.1',
      HARBOUR_DATA_DIR: dataDir,
      HARBOUR_WEB_DIR: webDir,
      LOG_LEVEL: 'error',
      DATABASE_URL: postgres.url,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${sitePort}`;
  const call = async (method, path, body, token) => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  const stop = async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { dir, webDir, base, call, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server in ${dir} did not start`);
}

async function seed(call) {
  const register = (name) => call('POST', '/auth/register', { username: name, email: `${name}@bench.example`, password: 'bench password' });
  const admin = await register('bench_admin');
  await call(
    'PATCH',
    '/admin/settings',
    {
      rateLimits: { postsPerMinute: 0, topicsPerDay: 0, registrationsPerHourPerIp: 0, loginAttemptsPerHourPerIp: 0, uploadsPerHour: 0 },
      emailVerification: 'off',
    },
    admin.token,
  );
  const members = [admin];
  for (let i = 0; i < 5; i++) members.push(await register(`bench_reader_${i}`));
  const category = await call('POST', '/categories', { name: 'Harm reduction', description: 'Supplies, sites, support.' }, admin.token);
  await call('POST', '/categories', { name: 'Housing', description: 'Shelters and rooms.' }, admin.token);
  for (let i = 0; i < OTHER_TOPICS; i++) {
    await call(
      'POST',
      '/topics',
      { categoryId: category.id, title: `Other topic ${i}`, body: `Post of topic ${i}.` },
      members[i % 6].token,
    );
  }
  const topic = await call(
    'POST',
    '/topics',
    { categoryId: category.id, title: 'Where to find naloxone kits', body: 'First post: **which pharmacies** hand out kits?' },
    admin.token,
  );
  for (let n = 2; n <= POSTS; n++) {
    const body = `Reply ${n}: the pharmacy on ${n} Main Street has kits, ask at the counter. A second sentence to make it a paragraph.`;
    await call('POST', `/topics/${topic.id}/posts`, { body }, members[n % 6].token);
  }
  return { category, topic };
}

/** Records, inside the page, when the React tree (#root) first holds `marker` (for a client without a ready mark). */
const markerScript = (marker) => `(() => {
  const seen = () => {
    const root = document.getElementById('root');
    if (root && !root.hidden && root.textContent.includes(${JSON.stringify(marker)})) {
      window.__benchContentAt = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => { if (!seen()) observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true }); });
})();`;

async function coldLoad(browser, url, marker) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.addInitScript({ content: markerScript(marker) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuRate });
  const scripts = new Set();
  let jsBytes = 0;
  let lastRequest = Date.now();
  cdp.on('Network.requestWillBeSent', () => (lastRequest = Date.now()));
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength;
  });
  if (process.env.BENCH_WEB_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // BENCH_WEB_TIMELINE=1: the renderer's main-thread work by kind (parse HTML, style, layout, paint, compile,
  // run script…), self time until usable: what the profile's "(program)" hides.
  if (process.env.BENCH_WEB_TIMELINE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink'] });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const usable = async () =>
    page.evaluate(() => {
      const mark = performance.getEntriesByName('harbour:ready')[0];
      return mark ? mark.startTime : (globalThis.__benchContentAt ?? null);
    });
  const deadline = Date.now() + 60_000;
  let usableMs = await usable();
  while (usableMs === null) {
    if (Date.now() > deadline) throw new Error(`${url} never showed "${marker}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    usableMs = await usable();
  }
  if (process.env.BENCH_WEB_PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    printProfile(url, profile);
    // BENCH_WEB_PROFILE=<folder>: also each load's .cpuprofile, for DevTools' Performance panel.
    if (process.env.BENCH_WEB_PROFILE !== '1') {
      mkdirSync(process.env.BENCH_WEB_PROFILE, { recursive: true });
      const name = `${new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.cpuprofile`;
      writeFileSync(join(process.env.BENCH_WEB_PROFILE, name), JSON.stringify(profile));
    }
  }
  if (process.env.BENCH_WEB_TIMELINE) printTimeline(url, JSON.parse((await browser.stopTracing()).toString()), usableMs);
  // Chunks a route loads after showing its data still count: wait for a quiet second on the network.
  while (Date.now() - lastRequest < 1000) await new Promise((resolve) => setTimeout(resolve, 100));
  const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  // Scripts the page asked for before it was usable: what stood between the reader and a working page.
  const jsBeforeUsableBytes = await page.evaluate(
    (usable) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(\?|$)/.test(e.name) && e.startTime <= usable)
        .reduce((sum, e) => sum + e.transferSize, 0),
    usableMs,
  );
  if (process.env.BENCH_WEB_TRACE) {
    // Where the time goes: each request's start and end (ms since navigation) and its bytes on the wire.
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize, e.name]),
    );
    process.stderr.write(`${url}: FCP ${Math.round(fcpMs)} usable ${Math.round(usableMs)}\n`);
    for (const [start, end, bytes, name] of entries)
      process.stderr.write(`  ${start}\t${end}\t${bytes}\t${name.replace(/^https?:\/\/[^/]+/, '')}\n`);
  }
  await context.close();
  return { fcpMs, usableMs, jsKB: jsBytes / 1024, jsBeforeUsableKB: jsBeforeUsableBytes / 1024 };
}

/** Self time by event name on the page's main thread (CrRendererMain) from navigation until usable. */
function printTimeline(url, trace, usableMs) {
  const events = trace.traceEvents ?? trace;
  // The page's renderer main thread: the one that parsed this URL's HTML (the trace also holds other frames).
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const main = parse && { pid: parse.pid, tid: parse.tid };
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === main?.pid)?.ts;
  const slices = events
    .filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid && typeof e.dur === 'number')
    .filter((e) => start === undefined || (e.ts >= start && e.ts <= start + usableMs * 1000))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  // CPU time the thread really ran (trace `tdur`), summed over top-level tasks: unlike wall time, it hardly moves
  // with the machine's load, so two builds can be compared on a busy machine.
  let cpuMs = 0;
  for (const slice of slices) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= slice.ts) stack.pop();
    if (!stack.length) cpuMs += (slice.tdur ?? 0) / 1000;
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - slice.dur / 1000);
    self.set(slice.name, (self.get(slice.name) ?? 0) + slice.dur / 1000);
    stack.push(slice);
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  process.stderr.write(
    `${url}: main thread until usable, ${cpuMs.toFixed(0)} ms of CPU; self time by kind\n${rows.map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`).join('\n')}\n`,
  );
}

/** Self time per script and per function of a CPU profile (DevTools' Profiler.Profile), the largest first. */
function printProfile(url, profile) {
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byScript = new Map();
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url: script, lineNumber } = node.callFrame;
    const file = script.replace(/^https?:\/\/[^/]+/, '') || `(${functionName || 'program'})`;
    byScript.set(file, (byScript.get(file) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n');
  process.stderr.write(`${url}: CPU by script\n${top(byScript, 15)}\nby function\n${top(byFunction, 25)}\n`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const sites = [];
let browser;
try {
  sites.push(await startSite(root, port, process.env.HARBOUR_WEB_DIR));
  if (process.env.BENCH_WEB_COMPARE) sites.push(await startSite(process.env.BENCH_WEB_COMPARE, port + 1));
  const seeded = [];
  for (const site of sites) seeded.push(await seed(site.call));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const pagesOf = (site, { topic }) => ({
    home: { url: `${site.base}/`, marker: 'Where to find naloxone kits' },
    topic: { url: `${site.base}/t/${topic.id}`, marker: `Reply ${Math.min(POSTS, 50)}:` },
  });
  const results = {
    throttling: { downloadKbit: 1600, uploadKbit: 750, latencyMs: 150, cpuSlowdown: THROTTLE.cpuRate },
    runs,
    loadAverageAtStart: loadavg()[0],
    sites: sites.map((site) => ({ dir: site.dir, webDir: site.webDir })),
  };
  for (const name of ['home', 'topic']) {
    const samples = sites.map(() => []);
    // One warm-up load each (not counted): a server's first answers include its own start-up costs.
    for (const [i, site] of sites.entries()) {
      const { url, marker } = pagesOf(site, seeded[i])[name];
      await coldLoad(browser, url, marker);
    }
    for (let run = 0; run < runs; run++) {
      for (const [i, site] of sites.entries()) {
        const { url, marker } = pagesOf(site, seeded[i])[name];
        samples[i].push(await coldLoad(browser, url, marker));
      }
    }
    for (const [i, site] of sites.entries()) {
      const summary = summarize(samples[i]);
      if (i === 0) results[name] = summary;
      else (results.compared ??= { dir: site.dir })[name] = summary;
      process.stderr.write(
        `${i === 0 ? '' : `${site.dir} `}${name}: FCP ${summary.fcpMs} ms, usable ${summary.usableMs} ms, JS ${summary.jsKB} KB ` +
          `(${summary.jsBeforeUsableKB} KB asked for before usable)\n`,
      );
    }
  }
  results.loadAverageAtEnd = loadavg()[0];
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser?.close();
  for (const site of sites) await site.stop();
}

function summarize(samples) {
  return {
    fcpMs: Math.round(median(samples.map((s) => s.fcpMs))),
    usableMs: Math.round(median(samples.map((s) => s.usableMs))),
    jsKB: Number(median(samples.map((s) => s.jsKB)).toFixed(1)),
    jsBeforeUsableKB: Number(median(samples.map((s) => s.jsBeforeUsableKB)).toFixed(1)),
    samples: samples.map((s) => ({
      fcpMs: Math.round(s.fcpMs),
      usableMs: Math.round(s.usableMs),
      jsKB: Number(s.jsKB.toFixed(1)),
      jsBeforeUsableKB: Number(s.jsBeforeUsableKB.toFixed(1)),
    })),
  };
}
