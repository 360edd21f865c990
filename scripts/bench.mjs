// npm run bench: seeds a forum on a throw-away embedded PostgreSQL and measures the API with autocannon
// on loopback. Prints one JSON object: requests per second and p50/p99 latency for each scenario.
//   BENCH_SECONDS=10 (per scenario), BENCH_CONNECTIONS=50, BENCH_PORT=3999
//   BENCH_ONLY=topicPageAsMember,createReply runs just those scenarios
//   BENCH_PROFILE=/tmp/prof writes the server's CPU profile there (open it in Chrome DevTools)
//   BENCH_SEARCH_POSTS=100000 is how many posts the search scenarios run over
//   BENCH_STATEMENTS=1 prints the statements that took the most database time, with calls per scenario
//   BENCH_KEEP=1 keeps the data folder (and says where) to inspect queries afterwards
//   BENCH_SOCKETS=10000 connected Socket.IO clients, BENCH_ROOM=1000 of them in one topic's room
//   BENCH_SUBSCRIBERS=34000 addresses imported and sent one mailing (MAILING_RATE=0: as fast as it goes)
//   BENCH_RESETS=200 password resets asked at once (transactionalMail: time until the SMTP server has them all)
//   BENCH_PAIRS=50 pairs of members writing back and forth in private conversations (conversations)
//   BENCH_UPLOADERS=4 members uploading a 1 MB phone photo at once for BENCH_UPLOAD_SECONDS=30 (uploads)
//   BENCH_ALERT_SUBSCRIBERS=1000 members subscribed to a region, each with a socket, for BENCH_ALERTS=5 alerts (alerts)
//   BENCH_DSNS=1000 delivery status notifications sent to the inbound SMTP listener (mailIn: reports read per second)
//   BENCH_REPLIES=500 replies by email to the inbound listener from 25 relays (mailReplies: posts written per second)
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedSearchCorpus } from './bench-search-seed.mjs';
import { benchMailing, startSmtpCounter } from './bench-mailing.mjs';
import { benchSocketFanout } from './bench-sockets.mjs';
import { benchConversations } from './bench-conversations.mjs';
import { benchUploads } from './bench-uploads.mjs';
import { benchTransactionalMail } from './bench-transactional-mail.mjs';
import { benchAlerts } from './bench-alerts.mjs';
import { benchMailIn, mailInEnv } from './bench-mail-in.mjs';
import { benchMailReplies } from './bench-mail-replies.mjs';
import { cpuSeconds, inParallel, statementsSince } from './bench-measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3999);
const base = `http://127.0.0.1:${port}`;
const MEMBERS = 50;
const TOPICS = 200;
const POSTS_PER_TOPIC = 20;
const SEARCH_POSTS = Number(process.env.BENCH_SEARCH_POSTS ?? 100_000);

const serverEntry = join(root, 'dist/apps/api/apps/api/src/main.js');
if (!existsSync(serverEntry)) spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });

const dataDir = mkdtempSync(join(tmpdir(), 'harbour-bench-'));
// The bench runs PostgreSQL itself (the server would too) so that it can seed the search corpus in SQL.
const { startEmbeddedPostgres } = createRequire(import.meta.url)(
  join(root, 'dist/apps/api/libs/database/src/embedded-postgres.launcher.js'),
);
const statements = Boolean(process.env.BENCH_STATEMENTS);
const postgres = await startEmbeddedPostgres({ directory: join(dataDir, 'postgres'), statementStatistics: statements });
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// Scenarios that need no topics: run alone, they skip seeding the forum (4,000 posts through the API).
const FORUMLESS = new Set(['transactionalMail', 'conversations', 'uploads', 'alerts', 'mailIn', 'mailReplies']);
const forumNeeded = !only || [...only].some((name) => !FORUMLESS.has(name));
// Every message the server sends (the mailing, notification emails) goes to a local SMTP server that counts them.
const smtpSink = await startSmtpCounter();
const profileArgs = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const server = spawn(process.execPath, [...profileArgs, serverEntry], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HARBOUR_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    DATABASE_URL: postgres.url,
    SMTP_URL: smtpSink.url,
    MAILING_RATE: '0',
    ...mailInEnv(port),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function call(method, path, body, token) {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start');
}

async function seed() {
  const admin = await call('POST', '/auth/register', { username: 'bench_admin', email: 'admin@bench.example', password: 'bench password' });
  await call(
    'PATCH',
    '/admin/settings',
    {
      rateLimits: { postsPerMinute: 0, topicsPerDay: 0, registrationsPerHourPerIp: 0, loginAttemptsPerHourPerIp: 0, uploadsPerHour: 0 },
      // A new site asks new accounts to verify their address (202, no session): the bench's members sign in at once.
      emailVerification: 'off',
    },
    admin.token,
  );
  const category = await call('POST', '/categories', { name: 'Bench' }, admin.token);
  const members = [admin];
  await inParallel(
    Array.from({ length: forumNeeded ? MEMBERS - 1 : 0 }, (_, i) => async () => {
      members.push(
        await call('POST', '/auth/register', { username: `bench_${i}`, email: `m${i}@bench.example`, password: 'bench password' }),
      );
    }),
    4,
  );
  const topics = [];
  if (!forumNeeded) return { category, topics, members };
  await inParallel(
    Array.from({ length: TOPICS }, (_, i) => async () => {
      const author = members[i % members.length];
      const topic = await call(
        'POST',
        '/topics',
        { categoryId: category.id, title: `Bench topic ${i}`, body: `First post of topic ${i} with **Markdown**.` },
        author.token,
      );
      for (let n = 1; n < POSTS_PER_TOPIC; n++) {
        const replier = members[(i + n) % members.length];
        await call('POST', `/topics/${topic.id}/posts`, { body: `Reply ${n} to topic ${i}, mentioning @bench_${n % 10}.` }, replier.token);
      }
      topics.push(topic);
    }),
    8,
  );
  return { category, topics, members };
}

function summary(result) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Runs one autocannon scenario; besides latency, says how much CPU the server and PostgreSQL spent per request. */
async function run(title, options) {
  const before = cpuSeconds(server.pid);
  const result = await autocannon({ url: base, connections, duration: seconds, ...options });
  const after = cpuSeconds(server.pid);
  const requests = Math.max(1, result.requests.total);
  const cpuMsPerRequest = {
    server: Number((((after.server - before.server) * 1000) / requests).toFixed(2)),
    postgres: Number((((after.postgres - before.postgres) * 1000) / requests).toFixed(2)),
  };
  process.stderr.write(
    `${title}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms; ` +
      `CPU per request: server ${cpuMsPerRequest.server} ms, PostgreSQL ${cpuMsPerRequest.postgres} ms\n`,
  );
  return { ...summary(result), cpuMsPerRequest };
}

try {
  await waitForServer();
  const started = Date.now();
  const { category, topics, members } = await seed();
  process.stderr.write(
    `seeded ${members.length} members, ${topics.length} topics of ${POSTS_PER_TOPIC} posts in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  const queries = [
    'naloxone',
    'housing shelter',
    '"safe supply"',
    'trousses naloxone',
    'fentanyl -carfentanil',
    'surdose or overdose',
    'winter tent',
  ];
  const topic = topics[0];
  let replyCounter = 0;
  const member = members[1];
  const scenarios = {
    topicPageAsGuest: () => run('topic page (guest)', { requests: [{ method: 'GET', path: `/api/topics/${topic.id}/posts` }] }),
    topicPageAsMember: () =>
      run('topic page (member)', {
        requests: [{ method: 'GET', path: `/api/topics/${topic.id}/posts`, headers: { authorization: `Bearer ${member.token}` } }],
      }),
    categoryList: () => run('category topic list', { requests: [{ method: 'GET', path: `/api/categories/${category.id}/topics` }] }),
    // Replies rotate over the seeded topics, as real traffic does: replies to one topic queue on its row lock
    // (that is what keeps post numbers and counts exact), so a single-topic run measures only that queue.
    createReply: () =>
      run('create reply', {
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ body: 'A benchmark reply with **Markdown** and @bench_1.' }),
            setupRequest: (request) => ({ ...request, path: `/api/topics/${topics[replyCounter++ % topics.length].id}/posts` }),
          },
        ],
      }),
  };
  // Many connected clients, a share of them reading one topic: how fast a reply reaches them all, and
  // what each socket costs the server in memory. Runs before the search corpus makes the database bigger.
  scenarios.socketFanout = async () => {
    const result = await benchSocketFanout({
      base,
      serverPid: server.pid,
      topicId: topics[1].id,
      token: member.token,
      total: Number(process.env.BENCH_SOCKETS ?? 10_000),
      inRoom: Number(process.env.BENCH_ROOM ?? 1_000),
      replies: 20,
    });
    process.stderr.write(
      `sockets: ${result.sockets} connected, ${result.inRoom} in one room; reply delivery p99 ${result.deliveryMs.p99} ms; ` +
        `${result.serverRssMiB.per1000Sockets} MiB RSS per 1,000 sockets\n`,
    );
    return result;
  };
  scenarios.mailing = () =>
    benchMailing({ base, token: members[0].token, sink: smtpSink, count: Number(process.env.BENCH_SUBSCRIBERS ?? 34_000) });
  // Private conversations: pairs writing back and forth, each message timed until the other side's socket hears it.
  scenarios.conversations = async () => {
    const result = await benchConversations({
      base,
      call,
      register: (i) =>
        call('POST', '/auth/register', { username: `bench_pair_${i}`, email: `pair${i}@bench.example`, password: 'bench password' }),
      pairs: Number(process.env.BENCH_PAIRS ?? 50),
      seconds,
      cpuSeconds: () => cpuSeconds(server.pid),
    });
    process.stderr.write(
      `conversations: ${result.messagesPerSecond} messages/s over ${result.pairs} pairs, p99 ${result.latencyMs.p99} ms; ` +
        `delivery to the other side p99 ${result.deliveryMs.p99} ms; CPU per message: server ${result.cpuMsPerRequest.server} ms, ` +
        `PostgreSQL ${result.cpuMsPerRequest.postgres} ms\n`,
    );
    return result;
  };
  // Phone photos uploaded by several members at once, then one in a public post served (thumbnail, full picture).
  scenarios.uploads = () => benchUploads({ base, call, run, categoryId: category.id, cpuSeconds: () => cpuSeconds(server.pid) });
  // Transactional mail (resets, invitations, notifications) goes through the mail queue: 200 at once must all
  // reach the SMTP server within seconds, each once.
  scenarios.transactionalMail = async () => {
    const result = await benchTransactionalMail({
      base,
      databaseUrl: postgres.url,
      sink: smtpSink,
      count: Number(process.env.BENCH_RESETS ?? 200),
      cpuSeconds: () => cpuSeconds(server.pid),
    });
    process.stderr.write(
      `transactional mail: ${result.received} of ${result.mails} password resets at the SMTP server ${result.secondsToLastMail} s ` +
        `after the first request (answers within ${result.secondsToLastAnswer} s); ${result.exactlyOnce} exactly once, ${result.withSeveral} several\n`,
    );
    return result;
  };
  // Reports about mail we sent, by SMTP to the inbound listener: each read, its copy bounced, its address suppressed.
  scenarios.mailIn = () => benchMailIn({ root, databaseUrl: postgres.url, port, cpuSeconds: () => cpuSeconds(server.pid) });
  // Replies to notification emails, each a post through the forum's checks.
  scenarios.mailReplies = () =>
    benchMailReplies({
      call,
      adminToken: members[0].token,
      categoryId: category.id,
      databaseUrl: postgres.url,
      port,
      cpuSeconds: () => cpuSeconds(server.pid),
    });
  // An alert to 1,000 subscribers with sockets connected: p99 socket delivery (under 500 ms), every email queued (10 s).
  const alertSubscribers = Number(process.env.BENCH_ALERT_SUBSCRIBERS ?? 1000);
  const alerts = Number(process.env.BENCH_ALERTS ?? 5);
  scenarios.alerts = () =>
    benchAlerts({ base, databaseUrl: postgres.url, adminToken: members[0].token, subscribers: alertSubscribers, alerts });
  // The search corpus is seeded only before the search scenarios, so the others run on the forum the
  // issue describes (200 topics of 20 posts).
  let searchPosts = 0;
  const seedSearch = async () => {
    if (searchPosts > 0) return;
    const group = await call('POST', '/groups', { name: 'Bench group', slug: 'bench-group', visibility: 'private' }, members[0].token);
    const space = await call('POST', '/categories', { name: 'Bench space', groupId: group.id }, members[0].token);
    const searchStarted = Date.now();
    searchPosts = await seedSearchCorpus(postgres.url, { target: SEARCH_POSTS, categoryId: category.id, privateCategoryId: space.id });
    process.stderr.write(`seeded ${searchPosts} posts for search in ${Math.round((Date.now() - searchStarted) / 1000)} s\n`);
  };
  Object.assign(scenarios, {
    // Each search alone, one after another: the time a member waits (the target is p95 under 50 ms).
    searchLatency: async () => {
      await seedSearch();
      const times = [];
      for (let i = 0; i < 300; i++) {
        const started = performance.now();
        await call('GET', `/search?q=${encodeURIComponent(queries[i % queries.length])}`, undefined, member.token);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (p) => Math.round(times[Math.floor((times.length - 1) * p)] * 10) / 10;
      const result = { posts: searchPosts, requests: times.length, latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) } };
      process.stderr.write(`search latency over ${searchPosts} posts: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms\n`);
      return result;
    },
    searchThroughput: async () => {
      await seedSearch();
      return run('search (10 connections)', {
        connections: 10,
        requests: [
          {
            method: 'GET',
            headers: { authorization: `Bearer ${member.token}` },
            setupRequest: (request) => ({
              ...request,
              path: `/api/search?q=${encodeURIComponent(queries[replyCounter++ % queries.length])}`,
            }),
          },
        ],
      });
    },
  });
  const results = {
    machine: { cores: (await import('node:os')).cpus().length, node: process.version, connections, secondsPerScenario: seconds },
  };
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (only && !only.has(name)) continue;
    if (statements) await statementsSince(postgres.url, seconds, null);
    results[name] = await scenario();
    if (statements) await statementsSince(postgres.url, seconds, name, results[name]);
  }
  console.log(JSON.stringify(results, null, 2));
} finally {
  // autocannon leaves requests in flight when a scenario ends; let them finish before stopping.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('exit', resolve));
  await postgres.stop();
  await smtpSink.stop();
  if (process.env.BENCH_KEEP) process.stderr.write(`kept the data folder: ${dataDir}\n`);
  else rmSync(dataDir, { recursive: true, force: true });
}
