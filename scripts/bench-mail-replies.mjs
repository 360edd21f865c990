// The replies-by-email part of npm run bench (issue 21): BENCH_REPLIES (500) replies to notification emails, sent by
// SMTP to the inbound listener from 25 relays at once, each reply a post through the forum's own checks; timed from
// the first to the last SMTP answer (the listener answers once the post is written).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createTransport } from 'nodemailer';
import { REPLY_DOMAIN } from './bench-mail-in.mjs';

const MEMBERS = 20;
const RELAYS = 25;

/** A reply address as the server makes one (26 lower-case base32 characters), written in SQL with its hash. */
function newToken() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join('');
}

export async function benchMailReplies({ call, adminToken, categoryId, databaseUrl, port, cpuSeconds }) {
  const count = Number(process.env.BENCH_REPLIES ?? 500);
  const require = createRequire(import.meta.url);
  const client = new (require('pg').Client)({ connectionString: databaseUrl });
  await client.connect();
  try {
    const topic = await call('POST', '/topics', { categoryId, title: 'Replies by email', body: 'Answer from your inbox.' }, adminToken);
    const members = [];
    for (let i = 0; i < MEMBERS; i++) {
      const email = `replier${i}@bench.example`;
      const { user } = await call('POST', '/auth/register', { username: `bench_replier_${i}`, email, password: 'bench password' });
      members.push({ id: user.id, email });
    }
    const replies = Array.from({ length: count }, (_, n) => ({ member: members[n % MEMBERS], token: newToken(), n }));
    await client.query(
      `INSERT INTO reply_addresses (token_hash, user_id, topic_id, expires_at)
       SELECT hash, user_id, $3, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS r(hash, user_id)`,
      [replies.map((reply) => createHash('sha256').update(reply.token).digest('hex')), replies.map((reply) => reply.member.id), topic.id],
    );
    const relays = Array.from({ length: RELAYS }, (_, i) => replies.filter((_, n) => n % RELAYS === i));
    const cpuBefore = cpuSeconds();
    const started = performance.now();
    const refused = (
      await Promise.all(
        relays.map(async (batch, i) => {
          // One connection per relay, its messages one after another, from an address of its own (the listener
          // allows 60 messages a minute per client address).
          const transport = createTransport({
            host: '127.0.0.1',
            port: port + 1,
            secure: false,
            ignoreTLS: true,
            pool: true,
            maxConnections: 1,
            localAddress: `127.0.9.${2 + i}`,
          });
          const answers = [];
          try {
            for (const reply of batch) {
              await transport
                .sendMail({
                  from: reply.member.email,
                  to: `reply+${reply.token}@${REPLY_DOMAIN}`,
                  subject: 'Re: Replies by email',
                  text: `Reply ${reply.n} from my inbox.\n\nOn Tue, Harbour wrote:\n> ## Write your reply above this line ##\n> Someone replied\n`,
                })
                .catch((error) => answers.push(error.responseCode ?? error.message));
            }
          } finally {
            transport.close();
          }
          return answers;
        }),
      )
    ).flat();
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds();
    const [{ posts }] = (await client.query(`SELECT count(*)::int AS posts FROM posts WHERE topic_id = $1 AND via_email`, [topic.id])).rows;
    const result = {
      replies: count,
      relays: RELAYS,
      seconds: Math.round(seconds * 100) / 100,
      repliesPerSecond: Math.round(count / seconds),
      posted: posts,
      refused: refused.length,
      refusedExamples: [...new Set(refused)].slice(0, 3),
      cpuMsPerReply: {
        server: Math.round(((cpuAfter.server - cpuBefore.server) * 1000) / count),
        postgres: Math.round(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / count),
      },
    };
    process.stderr.write(
      `replies by email: ${count} in ${result.seconds} s (${result.repliesPerSecond}/s) from ${RELAYS} relays; ${posts} posted, ${refused.length} refused\n`,
    );
    return result;
  } finally {
    await client.end();
  }
}
