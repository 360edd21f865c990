// The drug-supply alert part of npm run bench: 1,000 members subscribed to one region, each with a socket
// connected; alerts are published one at a time and timed until every socket has heard `alert` and until
// every subscriber's email is in the mail queue.
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { io } from 'socket.io-client';

const pg = createRequire(import.meta.url)('pg');

/** Members, their sessions and their subscriptions made in SQL: registering them would time argon2, not alerts. */
async function insertSubscribers(databaseUrl, count) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
    const { rows } = await client.query(
      `INSERT INTO users (username, username_key, display_name, email, password_hash, email_verified_at, locale)
       SELECT 'subscriber_' || n, 'subscriber_' || n, 'Subscriber ' || n, 'subscriber' || n || '@alerts.example', 'not a usable hash',
              now(), CASE WHEN n % 3 = 0 THEN 'fr' ELSE 'en' END
         FROM generate_series(1, $1::int) n
       RETURNING id`,
      [count],
    );
    const ids = rows.map((row) => row.id);
    await client.query(
      `INSERT INTO sessions (user_id, token_hash, last_used_at, expires_at)
       SELECT unnest($1::uuid[]), unnest($2::text[]), now(), now() + interval '1 day'`,
      [ids, tokens.map((token) => createHash('sha256').update(token).digest('hex'))],
    );
    await client.query(`INSERT INTO alert_subscriptions (user_id, regions) SELECT unnest($1::uuid[]), '{CA-BC}'`, [ids]);
    return tokens;
  } finally {
    await client.end();
  }
}

function connect(base, token) {
  return new Promise((resolve, reject) => {
    const socket = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 60000,
      auth: { token },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Mail jobs queued whose subject carries `marker` (the mail queue is pg-boss's table). */
async function queuedMails(client, marker) {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' LIKE $1`, [
    `%${marker}%`,
  ]);
  return rows[0].n;
}

async function pendingMails(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND state IN ('created', 'active', 'retry')`,
  );
  return rows[0].n;
}

export async function benchAlerts({ base, databaseUrl, adminToken, subscribers, alerts }) {
  const tokens = await insertSubscribers(databaseUrl, subscribers);
  const sockets = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const connectStarted = Date.now();
    for (let i = 0; i < tokens.length; i += 250)
      sockets.push(...(await Promise.all(tokens.slice(i, i + 250).map((token) => connect(base, token)))));
    const connectSeconds = (Date.now() - connectStarted) / 1000;
    const latencies = [];
    const queuedWithinMs = [];
    // The POST's own time (the write, its checks and its transaction), and each alert's slowest socket.
    const answeredMs = [];
    const slowestMs = [];
    let missed = 0;
    for (let n = 0; n < alerts; n++) {
      const marker = randomBytes(4).toString('hex');
      const title = `Bench alert ${n} ${marker}`;
      const heard = sockets.map(
        (socket) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => {
              socket.off('alert', listener);
              resolve(null);
            }, 10000);
            function listener(event) {
              if (event.alert.title !== title) return;
              clearTimeout(timer);
              socket.off('alert', listener);
              resolve(performance.now());
            }
            socket.on('alert', listener);
          }),
      );
      const sentAt = performance.now();
      const response = await fetch(`${base}/api/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({
          title,
          titleFr: `Alerte d’essai ${n} ${marker}`,
          body: 'Fentanyl found in pills sold as oxycodone. Carry naloxone; do not use alone.',
          substance: 'counterfeit oxycodone',
          severity: 'danger',
          regions: ['CA-BC'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      });
      if (response.status !== 201) throw new Error(`alert ${n}: ${response.status} ${await response.text()}`);
      answeredMs.push(Math.round(performance.now() - sentAt));
      // Every subscriber's email in the queue: the clock stops when the last is there (10 s at most, says the issue).
      let queuedAt = null;
      while (performance.now() - sentAt < 20_000) {
        if ((await queuedMails(client, marker)) >= subscribers) {
          queuedAt = performance.now();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      queuedWithinMs.push(queuedAt === null ? null : Math.round(queuedAt - sentAt));
      let slowest = 0;
      for (const at of await Promise.all(heard)) {
        if (at === null) missed += 1;
        else latencies.push(at - sentAt);
        if (at !== null) slowest = Math.max(slowest, at - sentAt);
      }
      slowestMs.push(Math.round(slowest));
      // Each alert alone, as they come in life: the previous one's thousand emails are sent before the next is
      // published (npm start sends mail in the API process; docker-compose's worker would not share its CPU).
      while ((await pendingMails(client)) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    latencies.sort((a, b) => a - b);
    const at = (p) => Math.round(latencies[Math.floor((latencies.length - 1) * p)] ?? NaN);
    process.stderr.write(
      `alerts: ${subscribers} subscribers with ${sockets.length} sockets; socket delivery p50 ${at(0.5)} ms, p99 ${at(0.99)} ms ` +
        `(${missed} missed); POST answered in ${answeredMs.join(', ')} ms, last socket at ${slowestMs.join(', ')} ms; ` +
        `every email queued within ${queuedWithinMs.join(', ')} ms\n`,
    );
    return {
      subscribers,
      sockets: sockets.length,
      alerts,
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      deliveries: latencies.length,
      missed,
      // From sending the alert's POST to its arrival at each subscriber's socket: includes the write itself.
      deliveryMs: { p50: at(0.5), p99: at(0.99), max: Math.round(latencies[latencies.length - 1] ?? NaN) },
      // From the POST to the last of the subscribers' emails in the mail queue, per alert (null: not within 20 s).
      emailsQueuedWithinMs: queuedWithinMs,
      postAnsweredMs: answeredMs,
      slowestSocketMs: slowestMs,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await client.end();
  }
}
