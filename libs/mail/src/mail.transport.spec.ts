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
