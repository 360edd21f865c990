// The Socket.IO part of npm run bench: many connected clients on one API process, a share of them
// reading one topic; replies are posted over HTTP and timed until every reader in the room has heard them.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';

/** The server's resident memory, in MiB, from /proc (Linux). */
function rssMiB(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function connect(base) {
  return new Promise((resolve, reject) => {
    const socket = io(base, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/**
 * Connects `total` sockets in batches, `inRoom` of them joining `topicId`; posts `replies` replies one at a
 * time and measures, for each socket in the room, the time from sending the POST to receiving post:created.
 */
export async function benchSocketFanout({ base, serverPid, topicId, token, total, inRoom, replies }) {
  const before = rssMiB(serverPid);
  const sockets = [];
  const started = Date.now();
  const BATCH = 250;
  try {
    for (let i = 0; i < total; i += BATCH) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, total - i) }, () => connect(base)))));
    }
    const connectSeconds = (Date.now() - started) / 1000;
    const readers = sockets.slice(0, inRoom);
    const answers = await Promise.all(readers.map((socket) => socket.timeout(30000).emitWithAck('topic:join', { topicId })));
    if (answers.some((answer) => !answer.ok)) throw new Error('a reader could not join the topic');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = rssMiB(serverPid);

    const latencies = [];
    let missed = 0;
    for (let n = 0; n < replies; n++) {
      const body = `Fan-out reply ${n}`;
      const heard = readers.map(
        (socket) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => {
              socket.off('post:created', listener);
              resolve(null);
            }, 10000);
            function listener(post) {
              if (post.body !== body) return;
              clearTimeout(timer);
              socket.off('post:created', listener);
              resolve(performance.now());
            }
            socket.on('post:created', listener);
          }),
      );
      const sentAt = performance.now();
      const response = await fetch(`${base}/api/topics/${topicId}/posts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ body }),
      });
      if (!response.ok) throw new Error(`reply ${n}: ${response.status}`);
      for (const at of await Promise.all(heard)) {
        if (at === null) missed += 1;
        else latencies.push(at - sentAt);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    latencies.sort((a, b) => a - b);
    const at = (p) => Math.round(latencies[Math.floor((latencies.length - 1) * p)] ?? NaN);
    return {
      sockets: total,
      inRoom,
      replies,
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      deliveries: latencies.length,
      missed,
      // From sending the reply's POST to its arrival at each reader: includes the write itself.
      deliveryMs: { p50: at(0.5), p99: at(0.99), max: Math.round(latencies[latencies.length - 1] ?? NaN) },
      serverRssMiB: {
        before: Math.round(before),
        after: Math.round(after),
        per1000Sockets: Math.round(((after - before) / total) * 1000 * 10) / 10,
      },
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
