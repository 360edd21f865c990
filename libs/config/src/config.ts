import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** Everything Harbour reads from its environment, validated once at start-up. */
export interface HarbourConfig {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  smtpUrl: string | null;
  /** MAIL_FROM as given; without it, a bare no-reply address that mail sends under the site's name. */
  mailFrom: string;
  /** MAIL_FROM was given (it names its own sender); otherwise each email is from the site's current name. */
  mailFromNamed: boolean;
  /** Null until resolveSessionSecret() fills it from the environment or the data folder. */
  sessionSecret: string | null;
  logLevel: LogLevel;
  /** Whether this process also drains the job queue (npm start does; API processes behind the worker do not). */
  runWorker: boolean;
  /** How long a notification waits, unread, before it is also emailed (NOTIFICATION_EMAIL_DELAY_SECONDS). */
  notificationEmailDelaySeconds: number;
  /**
   * The least time between two notification emails about one topic to one member
   * (NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS): a busy thread's next email waits, it is not dropped.
   */
  notificationTopicIntervalSeconds: number;
  /** VAPID keys for web push from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY; null: generated once and kept in the database. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** VAPID_SUBJECT: who push services may contact (`mailto:` or `https:`); defaults to PUBLIC_URL. */
  vapidSubject: string | null;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** Mailing messages per second per worker (MAILING_RATE); 0 sends as fast as the SMTP server takes them. */
  mailingRate: number;
  /** The first retry of a temporarily refused mailing message waits this long, then doubles (MAILING_RETRY_SECONDS). */
  mailingRetrySeconds: number;
  /**
   * The port of the inbound SMTP listener (INBOUND_SMTP_PORT): replies by email, bounces and complaints. Null: no
   * listener in this process (set it on the processes an MX or relay delivers to).
   */
  inboundSmtpPort: number | null;
  /** The address the inbound listener binds (INBOUND_SMTP_HOST, default HOST). */
  inboundSmtpHost: string;
  /**
   * INBOUND_SMTP_RELAYS: the addresses of the mail relays in front of the listener (comma-separated IPs). All mail comes
   * from them, so the per-client allowance (60 a minute) does not apply to them; the relay limits its own senders.
   */
  inboundSmtpRelays: string[];
  /**
   * REPLY_DOMAIN: the domain of reply+<token>@ and bounce+<token>@ addresses, which reach the listener. Null: mail
   * carries no reply address and no per-recipient return path. Set it on every process that sends mail.
   */
  replyDomain: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

function parseUrl(name: string, value: string, protocols: string[], problems: string[]): string | null {
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${url.protocol}")`);
      return null;
    }
    return value;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return null;
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HarbourConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  let port = 3000;
  const rawPort = text('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 0 || port > 65535) {
      problems.push(`PORT must be a whole number from 0 to 65535 (got "${rawPort}")`);
    }
  }

  const host = text('HOST') ?? '0.0.0.0';
  const publicUrl = text('PUBLIC_URL') ?? `http://localhost:${port}`;
  parseUrl('PUBLIC_URL', publicUrl, ['http:', 'https:'], problems);

  const rawDb = text('DATABASE_URL');
  const databaseUrl = rawDb === undefined ? null : parseUrl('DATABASE_URL', rawDb, ['postgres:', 'postgresql:'], problems);
  const rawRedis = text('REDIS_URL');
  const redisUrl = rawRedis === undefined ? null : parseUrl('REDIS_URL', rawRedis, ['redis:', 'rediss:'], problems);
  const rawSmtp = text('SMTP_URL');
  const smtpUrl = rawSmtp === undefined ? null : parseUrl('SMTP_URL', rawSmtp, ['smtp:', 'smtps:'], problems);

  const mailFromNamed = text('MAIL_FROM') !== undefined;
  const mailFrom = text('MAIL_FROM') ?? `no-reply@${hostnameOf(publicUrl)}`;
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM must contain an email address (got "${mailFrom}")`);

  const rawSecret = text('SESSION_SECRET');
  if (rawSecret !== undefined && rawSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long');
  }

  const rawLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(rawLevel as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);
  }

  const rawWorker = text('HARBOUR_WORKER') ?? 'inline';
  if (rawWorker !== 'inline' && rawWorker !== 'off') {
    problems.push(`HARBOUR_WORKER must be "inline" or "off" (got "${rawWorker}")`);
  }

  const rawDelay = text('NOTIFICATION_EMAIL_DELAY_SECONDS') ?? '600';
  const notificationEmailDelaySeconds = Number(rawDelay);
  if (!/^\d+$/.test(rawDelay) || notificationEmailDelaySeconds > 7 * 86400) {
    problems.push(`NOTIFICATION_EMAIL_DELAY_SECONDS must be a whole number of seconds up to a week (got "${rawDelay}")`);
  }

  const rawInterval = text('NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS') ?? '3600';
  const notificationTopicIntervalSeconds = Number(rawInterval);
  if (!/^\d+$/.test(rawInterval) || notificationTopicIntervalSeconds > 7 * 86400) {
    problems.push(`NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS must be a whole number of seconds up to a week (got "${rawInterval}")`);
  }

  // Both VAPID keys or neither (base64url, P-256: 65 bytes public, 32 private); the values are never echoed.
  const vapidPublic = text('VAPID_PUBLIC_KEY');
  const vapidPrivate = text('VAPID_PRIVATE_KEY');
  if ((vapidPublic === undefined) !== (vapidPrivate === undefined)) {
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be given together, or neither');
  } else if (vapidPublic !== undefined && vapidPrivate !== undefined) {
    if (base64UrlBytes(vapidPublic) !== 65) problems.push('VAPID_PUBLIC_KEY must be a base64url P-256 public key (65 bytes)');
    if (base64UrlBytes(vapidPrivate) !== 32) problems.push('VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)');
  }
  const vapidSubject = text('VAPID_SUBJECT') ?? null;
  if (vapidSubject !== null && !/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(vapidSubject)) {
    problems.push('VAPID_SUBJECT must be a mailto: address or an https:// URL');
  }

  // Ten by default: measured on 2 cores, 20 connections made replies 20% slower than 10 (the backends
  // contend for the CPU), and a topic page holds a connection for under a millisecond.
  const rawPool = text('DATABASE_POOL_SIZE') ?? '10';
  const databasePoolSize = Number(rawPool);
  if (!/^\d+$/.test(rawPool) || databasePoolSize < 2 || databasePoolSize > 200) {
    problems.push(`DATABASE_POOL_SIZE must be a whole number from 2 to 200 (got "${rawPool}")`);
  }

  // Twenty a second by default: what a small relay or a shared host's SMTP allowance takes without
  // deferring, and the network's 34,000 addresses still go out in under half an hour.
  const rawRate = text('MAILING_RATE') ?? '20';
  const mailingRate = Number(rawRate);
  if (!/^\d+$/.test(rawRate) || mailingRate > 10000) {
    problems.push(`MAILING_RATE must be a whole number of messages a second up to 10000, 0 for no limit (got "${rawRate}")`);
  }
  const rawRetry = text('MAILING_RETRY_SECONDS') ?? '60';
  const mailingRetrySeconds = Number(rawRetry);
  if (!/^\d+$/.test(rawRetry) || mailingRetrySeconds < 1 || mailingRetrySeconds > 86400) {
    problems.push(`MAILING_RETRY_SECONDS must be a whole number of seconds from 1 to 86400 (got "${rawRetry}")`);
  }

  const rawInbound = text('INBOUND_SMTP_PORT');
  const inboundSmtpPort = rawInbound === undefined ? null : Number(rawInbound);
  if (rawInbound !== undefined && (!/^\d+$/.test(rawInbound) || Number(rawInbound) > 65535)) {
    problems.push(`INBOUND_SMTP_PORT must be a whole number from 0 to 65535 (got "${rawInbound}")`);
  }
  const inboundSmtpRelays = (text('INBOUND_SMTP_RELAYS') ?? '')
    .split(',')
    .map((relay) => relay.trim())
    .filter((relay) => relay !== '');
  for (const relay of inboundSmtpRelays) {
    if (isIP(relay) === 0) problems.push(`INBOUND_SMTP_RELAYS must be IP addresses separated by commas (got "${relay}")`);
  }
  const replyDomain = text('REPLY_DOMAIN')?.toLowerCase() ?? null;
  if (
    replyDomain !== null &&
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(replyDomain)
  ) {
    problems.push(`REPLY_DOMAIN must be a domain name such as reply.example.org (got "${replyDomain}")`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    databaseUrl,
    dataDir: resolve(text('HARBOUR_DATA_DIR') ?? '.data'),
    redisUrl,
    smtpUrl,
    mailFrom,
    mailFromNamed,
    sessionSecret: rawSecret ?? null,
    logLevel: rawLevel as LogLevel,
    runWorker: rawWorker === 'inline',
    notificationEmailDelaySeconds,
    notificationTopicIntervalSeconds,
    vapidKeys: vapidPublic && vapidPrivate ? { publicKey: vapidPublic, privateKey: vapidPrivate } : null,
    vapidSubject,
    databasePoolSize,
    mailingRate,
    mailingRetrySeconds,
    inboundSmtpPort,
    inboundSmtpHost: text('INBOUND_SMTP_HOST') ?? host,
    inboundSmtpRelays,
    replyDomain,
  };
}

/** How many bytes a base64url text decodes to, or -1 when it is not base64url. */
function base64UrlBytes(value: string): number {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'localhost';
  }
}

/**
 * SESSION_SECRET keys the hashes of client addresses. When it is not given, one is generated once and
 * kept in the data folder (mode 0600) so that a restart does not change it.
 */
export function resolveSessionSecret(config: HarbourConfig): HarbourConfig {
  if (config.sessionSecret !== null) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return { ...config, sessionSecret: readFileSync(file, 'utf8').trim() };
}
