import { accountCreatedMail } from './account-created.mail';

describe('accountCreatedMail', () => {
  it("names the site and the username in the member's language, and carries the one link", () => {
    const link = 'https://forum.example.org/reset-password?token=abc';
    const en = accountCreatedMail('a@example.org', 'en', 'Drop-in Network', 'by_phone', link);
    expect(en.subject).toBe('Your account on Drop-in Network');
    expect(en.text).toContain('username by_phone');
    expect(en.text).toContain(link);
    const fr = accountCreatedMail('a@example.org', 'fr', 'Réseau <b>', 'by_phone', link);
    expect(fr.subject).toBe('Votre compte sur Réseau <b>');
    // The HTML part escapes the site's name.
    expect(fr.html).toContain('Réseau &lt;b&gt;');
    expect(fr.html).not.toContain('Réseau <b>');
  });
});
