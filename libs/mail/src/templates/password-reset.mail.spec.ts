import { passwordResetMail } from './password-reset.mail';

describe('the password reset mail', () => {
  it('is written in the member’s language with the link in both parts', () => {
    const en = passwordResetMail('a@example.org', 'en', 'Harbour', 'https://h.example/reset-password?token=abc');
    const fr = passwordResetMail('a@example.org', 'fr', 'Harbour', 'https://h.example/reset-password?token=abc');
    expect(en.subject).toBe('Reset your Harbour password');
    expect(fr.subject).toBe('Réinitialiser votre mot de passe Harbour');
    for (const mail of [en, fr]) {
      expect(mail.text).toContain('https://h.example/reset-password?token=abc');
      expect(mail.html).toContain('href="https://h.example/reset-password?token=abc"');
    }
  });

  it('escapes the link in the HTML part and lets no markup from the site name in', () => {
    const mail = passwordResetMail('a@example.org', 'en', '<script>x</script>', 'https://h.example/r?token=a&b="1"');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://h.example/r?token=a&amp;b=&quot;1&quot;"');
  });
});
