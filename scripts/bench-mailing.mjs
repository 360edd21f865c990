// The mailing part of npm run bench: imports 34,000 subscribers from CSV, then sends one mailing to all
// of them, with the rate limit off, into an SMTP sink that counts what each address receives.
import { SMTPServer } from 'smtp-server';

/** A local SMTP server that accepts everything and counts messages per recipient (no parsing: it measures us). */
export async function startSmtpCounter() {
  const received = new Map();
  let first = 0;
  let last = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 100,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        const now = Date.now();
        first ||= now;
        last = now;
        for (const { address } of session.envelope.rcptTo) received.set(address, (received.get(address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received,
    span: () => ({ first, last }),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Imports `count` addresses (a quarter in French), sends a mailing to all subscribers, waits until it is
 * sent, and checks the sink: every address exactly once.
 */
export async function benchMailing({ base, token, sink, count }) {
  const auth = { authorization: `Bearer ${token}` };
  const json = async (method, path, body) => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await json('PATCH', '/admin/settings', { mailingSenderName: 'Bench Network', mailingAddress: '1 Bench Street, Montréal QC' });
  const lines = ['email,locale,consent_source,consent_at'];
  for (let i = 0; i < count; i++) lines.push(`reader${i}@list.example,${i % 4 === 0 ? 'fr' : 'en'},bench import,2026-01-15`);
  const importStarted = performance.now();
  const response = await fetch(`${base}/api/mailing/subscribers/import`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  if (!response.ok) throw new Error(`import: ${response.status} ${await response.text()}`);
  const report = await response.json();
  const importSeconds = (performance.now() - importStarted) / 1000;

  const mailing = await json('POST', '/mailings', {
    subject: 'Bench mailing',
    body: 'A mailing with **Markdown**, a [link](https://example.org) and a list:\n\n- one\n- two\n',
    subjectFr: 'Envoi de test',
    bodyFr: 'Un envoi avec du **Markdown**.',
    audience: 'subscribers',
  });
  const sendStarted = Date.now();
  await json('POST', `/mailings/${mailing.id}/send`, {});
  let state;
  for (;;) {
    state = await json('GET', `/mailings/${mailing.id}`);
    if (state.status === 'sent' || state.status === 'failed') break;
    if (Date.now() - sendStarted > 20 * 60_000) throw new Error(`the mailing is still ${state.status} after 20 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (Date.now() - sendStarted) / 1000;
  let once = 0;
  let duplicates = 0;
  for (let i = 0; i < count; i++) {
    const copies = sink.received.get(`reader${i}@list.example`) ?? 0;
    if (copies === 1) once += 1;
    if (copies > 1) duplicates += 1;
  }
  const { first, last } = sink.span();
  process.stderr.write(
    `mailing: imported ${count} subscribers in ${Math.round(importSeconds * 100) / 100} s; sent ${state.sent} in ${Math.round(seconds * 10) / 10} s ` +
      `(${Math.round(state.sent / seconds)}/s); ${once} addresses got exactly one copy, ${duplicates} several, ${count - once - duplicates} none\n`,
  );
  return {
    subscribers: count,
    import: { seconds: Math.round(importSeconds * 100) / 100, imported: report.imported, errors: report.errors.length },
    send: {
      status: state.status,
      total: state.total,
      sent: state.sent,
      failed: state.failed,
      seconds: Math.round(seconds * 10) / 10,
      // From the send request to the mailing counted sent (recipients written, every message handed over and recorded).
      messagesPerSecond: Math.round(state.sent / seconds),
      // Between the first and the last message the SMTP server received.
      smtpMessagesPerSecond: last > first ? Math.round((once + duplicates) / ((last - first) / 1000)) : null,
    },
    exactlyOnce: { addressesWithOneCopy: once, addressesWithSeveral: duplicates, missing: count - once - duplicates },
  };
}
