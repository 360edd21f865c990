// The conversations part of npm run bench: pairs of members, each pair in a private conversation with both
// sides connected by Socket.IO, writing back and forth for a fixed time. Each message is sent over HTTP and
// timed until the other side's socket hears its message:created; the other side then answers.
import { io } from 'socket.io-client';
import { inParallel } from './bench-measure.mjs';

function connect(base, token) {
  return new Promise((resolve, reject) => {
    const socket = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      forceNew: true,
      timeout: 60000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves with the time `socket` hears the message `body`, or null after `timeoutMs`. */
function heard(socket, body, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('message:created', listener);
      resolve(null);
    }, timeoutMs);
    function listener(message) {
      if (message.body !== body) return;
      clearTimeout(timer);
      socket.off('message:created', listener);
      resolve(performance.now());
    }
    socket.on('message:created', listener);
  });
}

const percentile = (sorted, p) => Math.round((sorted[Math.floor((sorted.length - 1) * p)] ?? NaN) * 10) / 10;

/**
 * `pairs` pairs of freshly registered members (`register(i)` gives one: { user, token }), one conversation each;
 * every pair writes back and forth for `seconds`, one message in flight per pair (as `connections` autocannon
 * clients are). Returns messages per second, the HTTP send's latency and the delivery time to the other side.
 */
export async function benchConversations({ base, register, call, pairs, seconds, cpuSeconds }) {
  const members = [];
  await inParallel(
    Array.from({ length: pairs * 2 }, (_, i) => async () => {
      members[i] = await register(i);
    }),
    4,
  );
  const sockets = [];
  try {
    const couples = [];
    for (let i = 0; i < pairs; i++) {
      const [a, b] = [members[2 * i], members[2 * i + 1]];
      const conversation = await call('POST', '/conversations', { to: [b.user.username], subject: `Bench ${i}`, body: 'hello' }, a.token);
      const [socketA, socketB] = await Promise.all([connect(base, a.token), connect(base, b.token)]);
      sockets.push(socketA, socketB);
      couples.push({ conversationId: conversation.id, sides: [a, b], sockets: [socketA, socketB] });
    }
    const sendTimes = [];
    const deliveries = [];
    let sent = 0;
    let errors = 0;
    let missed = 0;
    const before = cpuSeconds();
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      couples.map(async (couple, pair) => {
        for (let n = 0; performance.now() < until; n++) {
          const from = n % 2;
          const body = `pair ${pair} message ${n}`;
          const arrival = heard(couple.sockets[1 - from], body, 10000);
          const sentAt = performance.now();
          const response = await fetch(`${base}/api/conversations/${couple.conversationId}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${couple.sides[from].token}` },
            body: JSON.stringify({ body }),
          });
          await response.arrayBuffer();
          sendTimes.push(performance.now() - sentAt);
          if (response.status !== 201) {
            errors += 1;
            continue;
          }
          sent += 1;
          const at = await arrival;
          if (at === null) missed += 1;
          else deliveries.push(at - sentAt);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const after = cpuSeconds();
    sendTimes.sort((a, b) => a - b);
    deliveries.sort((a, b) => a - b);
    const perMessage = (spent) => Number(((spent * 1000) / Math.max(1, sent)).toFixed(2));
    return {
      pairs,
      messages: sent,
      messagesPerSecond: Math.round(sent / elapsed),
      // The POST alone, as autocannon's latency for the reply scenario.
      latencyMs: { p50: percentile(sendTimes, 0.5), p99: percentile(sendTimes, 0.99) },
      // From sending the POST to the other side's message:created: includes the write itself.
      deliveryMs: { p50: percentile(deliveries, 0.5), p99: percentile(deliveries, 0.99), max: percentile(deliveries, 1) },
      errors,
      missed,
      cpuMsPerRequest: { server: perMessage(after.server - before.server), postgres: perMessage(after.postgres - before.postgres) },
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
