import { Parser } from 'htmlparser2';
import type { Test } from 'supertest';
import type { TestApp } from './app';
import { queuesIdle, sql } from './database';
import type { TestMember } from './factories';

/** Drug-supply alerts' test helpers (test/e2e/alerts.e2e-spec.ts, scripts/bench.mjs's alert case does its own). */

export const DAY = 86_400_000;
export const future = (days = 7): string => new Date(Date.now() + days * DAY).toISOString();

/** A whole, valid alert body with the words a test looks for (quotes, `&`, `<…>` to be escaped everywhere). */
export const alertBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Fentanyl found in "blue" pills',
  titleFr: 'Fentanyl trouvé dans des comprimés « bleus »',
  body: 'Pills sold as oxycodone tested positive for fentanyl & a benzo. Do not use alone.',
  bodyFr: 'Des comprimés vendus comme oxycodone contiennent du fentanyl et une benzo. Ne consommez pas seul·e.',
  substance: 'counterfeit oxycodone <M30>',
  appearance: 'round, light blue, stamped M 30',
  testResult: 'fentanyl, bromazolam',
  severity: 'danger',
  regions: ['CA-BC'],
  expiresAt: future(),
  ...overrides,
});

/** Bodies POST /api/alerts must refuse with a 400, and the fields the message must name. */
export const HOSTILE_ALERTS: [Record<string, unknown>, string[]][] = [
  [{ title: 'a\u0000b' }, ['title']],
  [{ body: 'lone \ud800 surrogate' }, ['body']],
  [{ titleFr: null, appearance: null }, ['titleFr', 'appearance']],
  [{ severity: 'extreme' }, ['severity']],
  [{ regions: ['CA-XX', 'CA-BC'] }, ['regions']],
  [{ regions: [] }, ['regions']],
  [{ regions: 'CA-BC' }, ['regions']],
  [{ expiresAt: '2026-02-30T00:00:00Z' }, ['expiresAt']],
  [{ expiresAt: '+275760-09-13T00:00:00Z' }, ['expiresAt']],
  [{ expiresAt: new Date(Date.now() - DAY).toISOString() }, ['expiresAt']],
  [{ expiresAt: future(400) }, ['expiresAt']],
  [{ title: 'x'.repeat(201), substance: '' }, ['title', 'substance']],
  [{ author: 'me' }, ['author']],
  [{ fromReportId: 'nope' }, ['fromReportId']],
];

/** One request as `who` (bearer; null: a visitor), with a JSON body. */
export function call(
  t: TestApp,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  who: TestMember | null,
  body?: object,
): Test {
  const request = t.http()[method](path);
  if (who) void request.set(who.auth);
  return body === undefined ? request : request.send(body);
}

/** The SMTP sink's messages to a member, and a wait for their `count`-th (then for the queues to be idle). */
export function mailbox(t: TestApp) {
  const to = (member: TestMember) => t.smtp!.messages.filter((mail) => mail.to.includes(member.user.email.toLowerCase()));
  // Delivery follows the answer (a listener of the change); an alert's mail is queued in one insert, so once
  // one subscriber's message is in, the others' are queued, and idle queues prove no other will come.
  const arrived = async (member: TestMember, count: number) => {
    while (to(member).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    await queuesIdle(t, ['mail.send', 'alerts.push']);
  };
  return { to, arrived };
}

/** The tables (public and the job queue's) where any row's text holds one of `needles`. */
export async function tablesHolding(databaseUrl: string, needles: string[]): Promise<string[]> {
  const tables = await sql<{ schema: string; name: string }>(
    databaseUrl,
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
  );
  const holding: string[] = [];
  for (const { schema, name } of tables) {
    const [row] = await sql<{ found: boolean }>(
      databaseUrl,
      `SELECT EXISTS (SELECT 1 FROM "${schema}"."${name}" r WHERE r::text LIKE ANY ($1)) AS found`,
      [needles.map((needle) => `%${needle}%`)],
    );
    if (row?.found) holding.push(`${schema}.${name}`);
  }
  return holding;
}

/**
 * Reads an Atom feed as an XML parser does (htmlparser2 in XML mode): the root element with its attributes,
 * the entries' titles with entities decoded; fails on what is not well formed (an unclosed or crossed element,
 * a bare `&` or `<` in text).
 */
export function parseAtom(text: string): { root: string; titles: string[] } {
  const open: string[] = [];
  const titles: string[] = [];
  let root = '';
  let title: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (open.length === 0) root = [name, ...Object.entries(attributes).map(([key, value]) => `${key}=${value}`)].join(' ');
        open.push(name);
        if (name === 'title' && open.includes('entry')) title = '';
      },
      ontext(chunk) {
        if (title !== null) title += chunk;
      },
      onclosetag(name) {
        if (open.pop() !== name) throw new Error(`</${name}> closes another element`);
        if (name === 'title' && title !== null) titles.push(title);
        if (name === 'title') title = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  if (!text.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('no XML declaration');
  const bare = text.replace(/<[^>]*>/g, '').match(/&(?!(?:amp|lt|gt|quot|apos);)|</g);
  if (bare) throw new Error(`bare ${bare.join(' ')} in the text`);
  parser.write(text);
  parser.end();
  if (open.length > 0) throw new Error(`unclosed ${open.join(', ')}`);
  return { root, titles };
}
