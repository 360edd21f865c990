import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives safe defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeNull();
    expect(config.smtpUrl).toBeNull();
    expect(config.runWorker).toBe(true);
    expect(config.dataDir.endsWith('.data')).toBe(true);
    expect(config.databasePoolSize).toBe(10);
    expect(config.mailingRate).toBe(20);
    expect(config.mailingRetrySeconds).toBe(60);
    // Without MAIL_FROM, mail goes out under the site's name (the transport names it at each send).
    expect(config.mailFrom).toBe('no-reply@localhost');
    expect(config.mailFromNamed).toBe(false);
    expect(loadConfig({ MAIL_FROM: 'Network <news@example.org>' })).toMatchObject({
      mailFrom: 'Network <news@example.org>',
      mailFromNamed: true,
    });
  });

  it('reads the inbound listener: off unless INBOUND_SMTP_PORT, a lower-cased REPLY_DOMAIN, relays as IP addresses', () => {
    expect(loadConfig({})).toMatchObject({ inboundSmtpPort: null, replyDomain: null, inboundSmtpRelays: [], inboundSmtpHost: '0.0.0.0' });
    expect(
      loadConfig({ INBOUND_SMTP_PORT: '2525', REPLY_DOMAIN: 'Reply.Example.org', INBOUND_SMTP_RELAYS: '10.0.0.5, ::1', HOST: '127.0.0.1' }),
    ).toMatchObject({
      inboundSmtpPort: 2525,
      replyDomain: 'reply.example.org',
      inboundSmtpRelays: ['10.0.0.5', '::1'],
      inboundSmtpHost: '127.0.0.1',
    });
    let problems: string[] = [];
    try {
      loadConfig({ INBOUND_SMTP_PORT: '-1', REPLY_DOMAIN: 'not a domain', INBOUND_SMTP_RELAYS: 'mx.example.org' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      expect.stringContaining('INBOUND_SMTP_PORT'),
      expect.stringContaining('INBOUND_SMTP_RELAYS'),
      expect.stringContaining('REPLY_DOMAIN'),
    ]);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SESSION_SECRET: 'short',
        DATABASE_POOL_SIZE: '1',
        MAILING_RATE: 'fast',
        MAILING_RETRY_SECONDS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT must be a whole number');
    expect(message).toContain('DATABASE_URL must start with postgres:// or postgresql://');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('SESSION_SECRET must be at least 32 characters');
    expect(message).toContain('DATABASE_POOL_SIZE must be a whole number from 2 to 200 (got "1")');
    expect(message).toContain('MAILING_RATE must be a whole number');
    expect(message).toContain('MAILING_RETRY_SECONDS must be a whole number of seconds from 1');
  });

  it('takes VAPID keys only as a pair of well-formed P-256 keys, and never echoes them', () => {
    const publicKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
    const privateKey = Buffer.alloc(32, 9).toString('base64url');
    expect(loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey }).vapidKeys).toEqual({ publicKey, privateKey });
    expect(loadConfig({}).vapidKeys).toBeNull();
    expect(loadConfig({}).notificationTopicIntervalSeconds).toBe(3600);
    const refusal = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return (error as ConfigError).message;
      }
    };
    expect(refusal({ VAPID_PUBLIC_KEY: publicKey })).toContain('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be given together');
    const wrong = refusal({ VAPID_PUBLIC_KEY: privateKey, VAPID_PRIVATE_KEY: 'not+base64url' });
    expect(wrong).toContain('VAPID_PUBLIC_KEY must be a base64url P-256 public key');
    expect(wrong).toContain('VAPID_PRIVATE_KEY must be a base64url P-256 private key');
    expect(wrong).not.toContain(privateKey);
    expect(refusal({ VAPID_SUBJECT: 'http://forum.example' })).toContain('VAPID_SUBJECT must be a mailto: address or an https:// URL');
    expect(refusal({ NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS: 'hourly' })).toContain('NOTIFICATION_EMAIL_TOPIC_INTERVAL_SECONDS must be');
  });

  it('rejects a PUBLIC_URL that is not http(s) and trims its trailing slash', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.org' })).toThrow(/PUBLIC_URL must start with http/);
    expect(loadConfig({ PUBLIC_URL: 'https://forum.example.org/' }).publicUrl).toBe('https://forum.example.org');
  });
});
