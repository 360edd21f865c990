// The mail-in part of npm run bench (issue 21): 1,000 delivery status notifications about a mailing's copies,
// sent to the inbound SMTP listener as relays send them (null sender, each to its copy's bounce+ address),
// timed from the first to the last SMTP answer: the listener answers once the report is read and recorded.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

/** The listener allows 60 messages and connections a minute per client address: each sender (127.0.x.y) sends at most this many. */
const PER_SENDER = 20;

export const REPLY_DOMAIN = 'reply.bench.example';
/** The secret the bench server seals its bounce tokens with, so the bench can make the return paths it would. */
const SECRET = randomBytes(32).toString('hex');

/** The bench server's environment for this part: the inbound listener on the port after the API's. */
export function mailInEnv(port) {
  return { INBOUND_SMTP_PORT: String(port + 1), INBOUND_SMTP_HOST: '127.0.0.1', REPLY_DOMAIN, SESSION_SECRET: SECRET };
}

function report(returnPath, recipient, n) {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.bench.example>',
    `To: ${returnPath}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <dsn.${n}@mx.bench.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    '',
    '--B',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '--B',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.bench.example',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
    '',
    '--B',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${returnPath}>`,
    `To: ${recipient}`,
    'Subject: Bench bounces',
    '',
    '--B--',
    '',
  ].join('\r\n');
}

/** A sent mailing of `count` copies, written in SQL (sending it would time the mailing, measured apart). */
async function sentCopies(client, count) {
  const [mailing] = (
    await client.query(
      `INSERT INTO mailings (subject, body, audience_kind, status, total, started_at, sent_at)
       VALUES ('Bench bounces', 'Body', 'subscribers', 'sent', $1, now(), now()) RETURNING id`,
      [count],
    )
  ).rows;
  await client.query(
    `INSERT INTO subscribers (email, status, consent_source, consent_at)
     SELECT 'gone' || n || '@bounce.example', 'subscribed', 'bench', now() FROM generate_series(1, $1::int) n ON CONFLICT DO NOTHING`,
    [count],
  );
  const { rows } = await client.query(
    `INSERT INTO mailing_deliveries (mailing_id, email, locale, status, sent_at)
     SELECT $1, 'gone' || n || '@bounce.example', 'en', 'sent', now() FROM generate_series(1, $2::int) n RETURNING id, email`,
    [mailing.id, count],
  );
  return { mailingId: mailing.id, copies: rows };
}

/** Sends BENCH_DSNS (1,000) hard-bounce reports, each about one copy, and says how many were read a second. */
export async function benchMailIn({ root, databaseUrl, port, cpuSeconds }) {
  const count = Number(process.env.BENCH_DSNS ?? 1000);
  const require = createRequire(import.meta.url);
  // The server's own token code, as built (npm run build:server): the bench makes the return paths it would.
  const { bounceToken } = require(join(root, 'dist/apps/api/libs/mail/src/verp.js'));
  const client = new (require('pg').Client)({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { mailingId, copies } = await sentCopies(client, count);
    const senders = [];
    for (let start = 0; start < copies.length; start += PER_SENDER) senders.push(copies.slice(start, start + PER_SENDER));
    const cpuBefore = cpuSeconds();
    const started = performance.now();
    const answers = await Promise.all(
      senders.map(async (batch, i) => {
        const transport = createTransport({
          host: '127.0.0.1',
          port: port + 1,
          secure: false,
          ignoreTLS: true,
          // Each relay from an address of its own: the listener allows 60 messages a minute per client address.
          localAddress: `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`,
        });
        const refused = [];
        try {
          for (const copy of batch) {
            const returnPath = `bounce+${bounceToken(SECRET, { deliveryId: copy.id })}@${REPLY_DOMAIN}`;
            await transport
              .sendMail({ envelope: { from: '', to: returnPath }, raw: report(returnPath, copy.email, copy.id) })
              .catch((error) => refused.push(error.responseCode ?? error.message));
          }
        } finally {
          transport.close();
        }
        return refused;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds();
    const [counted] = (
      await client.query(
        `SELECT count(*) FILTER (WHERE d.status = 'bounced')::int AS bounced,
                count(*) FILTER (WHERE s.status = 'bounced')::int AS suppressed
           FROM mailing_deliveries d JOIN subscribers s ON s.email = d.email WHERE d.mailing_id = $1`,
        [mailingId],
      )
    ).rows;
    const refused = answers.flat();
    process.stderr.write(
      `mail in: ${count} delivery status notifications in ${Math.round(seconds * 100) / 100} s (${Math.round(count / seconds)}/s) ` +
        `from ${senders.length} relays; ${counted.bounced} copies bounced, ${refused.length} refused\n`,
    );
    return {
      reports: count,
      senders: senders.length,
      seconds: Math.round(seconds * 100) / 100,
      reportsPerSecond: Math.round(count / seconds),
      refused: refused.length,
      refusedExamples: [...new Set(refused)].slice(0, 3),
      copiesBounced: counted.bounced,
      addressesSuppressed: counted.suppressed,
      cpuMsPerReport: {
        server: Math.round(((cpuAfter.server - cpuBefore.server) * 1000) / count),
        postgres: Math.round(((cpuAfter.postgres - cpuBefore.postgres) * 1000) / count),
      },
    };
  } finally {
    await client.end();
  }
}
