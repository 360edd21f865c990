import { normalizeEmail } from './email-address';

describe('normalizeEmail', () => {
  it('gives one spelling per mailbox', () => {
    expect(normalizeEmail('  Alex.Doe+news@Example.ORG ')).toBe('alex.doe+news@example.org');
    expect(normalizeEmail('marie@montréal.example')).toBe('marie@xn--montral-fya.example');
  });

  it('refuses what cannot be mailed', () => {
    for (const bad of [
      '',
      'no-at-sign',
      '@example.org',
      'a@',
      'a b@example.org',
      'a@localhost',
      'josé@example.org',
      'a..b@example.org',
      '.a@example.org',
      'a@-x.org',
      'a\u200b@example.org',
      `${'a'.repeat(65)}@example.org`,
      'a@exa mple.org',
    ]) {
      expect([bad, normalizeEmail(bad)]).toEqual([bad, null]);
    }
  });
});
