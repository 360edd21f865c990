import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@harbour/config';
import type { SettingsService } from '@harbour/settings';
import { MailTransport } from './mail.transport';

/** The From line of what the transport wrote to its outbox for one message. */
async function fromLine(env: Record<string, string>, fromName?: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harbour-mail-'));
  try {
    const settings = { get: () => Promise.resolve({ siteName: 'Riverside Harm Reduction' }) } as unknown as SettingsService;
    const transport = new MailTransport(loadConfig({ ...env, HARBOUR_DATA_DIR: dataDir }), settings);
    await transport.deliver({ to: 'a@example.org', subject: 'S', text: 'T', html: '<p>T</p>', ...(fromName ? { fromName } : {}) });
    transport.onApplicationShutdown();
    const [file] = readdirSync(join(dataDir, 'mail'));
    return /^From: (.*)$/m.exec(readFileSync(join(dataDir, 'mail', file!), 'utf8'))?.[1] ?? '';
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the sender of a message', () => {
  it('is the site by its name, or MAIL_FROM as given', async () => {
    expect(await fromLine({})).toBe('Riverside Harm Reduction <no-reply@localhost>');
    expect(await fromLine({ MAIL_FROM: 'Network <news@example.org>' })).toBe('Network <news@example.org>');
  });

  it('takes a message’s own display name (a discreet member’s mail) on the same address, whichever sender is set', async () => {
    expect(await fromLine({}, 'Notifications')).toBe('Notifications <no-reply@localhost>');
    expect(await fromLine({ MAIL_FROM: 'Network <news@example.org>' }, 'Notifications')).toBe('Notifications <news@example.org>');
    expect(await fromLine({ MAIL_FROM: 'news@example.org' }, 'Notifications')).toBe('Notifications <news@example.org>');
  });
});

describe('the return path of a message', () => {
  async function returnPath(env: Record<string, string>, bounceTo?: { userId: string } | { deliveryId: string }): Promise<string> {
    const dataDir = mkdtempSync(join(tmpdir(), 'harbour-mail-'));
    try {
      const settings = { get: () => Promise.resolve({ siteName: 'Harbour' }) } as unknown as SettingsService;
      const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env, HARBOUR_DATA_DIR: dataDir });
      const transport = new MailTransport(config, settings);
      const sent: { envelope?: { from?: string } }[] = [];
      const transporter = (transport as unknown as { transporter: { sendMail: (m: object) => Promise<object> } }).transporter;
      const original = transporter.sendMail.bind(transporter);
      transporter.sendMail = (message: object) => (sent.push(message), original(message));
      await transport.deliver({ to: 'a@example.org', subject: 'S', text: 'T', html: '<p>T</p>', ...(bounceTo ? { bounceTo } : {}) });
      transport.onApplicationShutdown();
      return sent[0]?.envelope?.from ?? '(From)';
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('is bounce+<token>@REPLY_DOMAIN when the message says whose bounces it collects and REPLY_DOMAIN is set', async () => {
    expect(await returnPath({ REPLY_DOMAIN: 'in.example.org' }, { deliveryId: '42' })).toMatch(
      /^bounce\+m16-[0-9a-f]{16}@in\.example\.org$/,
    );
    expect(await returnPath({}, { deliveryId: '42' })).toBe('(From)');
    expect(await returnPath({ REPLY_DOMAIN: 'in.example.org' })).toBe('(From)');
  });
});
