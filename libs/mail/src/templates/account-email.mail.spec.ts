import { addressInUseMail, confirmEmailChangeMail, emailChangeNoticeMail, verifyEmailMail } from './account-email.mail';

describe('the mails about a member’s address', () => {
  const link = 'https://h.example/verify-email?token=a&b="1"';

  it('are written in the member’s language, with the link in both parts and escaped in the HTML', () => {
    for (const make of [verifyEmailMail, confirmEmailChangeMail]) {
      const en = make('a@example.org', 'en', 'Harbour', link);
      const fr = make('a@example.org', 'fr', 'Harbour', link);
      expect(en.subject).toMatch(/^Confirm your/);
      expect(fr.subject).toMatch(/^Confirmez votre/);
      for (const mail of [en, fr]) {
        expect(mail.text).toContain(link);
        expect(mail.html).toContain('href="https://h.example/verify-email?token=a&amp;b=&quot;1&quot;"');
      }
    }
  });

  it('tell the old address of a change, and an owner of an attempt, without naming anyone or carrying a link to use', () => {
    const notice = emailChangeNoticeMail('old@example.org', 'fr', 'Réseau');
    expect(notice.subject).toBe('L’adresse courriel de votre compte Réseau va changer');
    expect(notice.text).not.toContain('token');
    const inUse = addressInUseMail('owner@example.org', 'en', '<b>Site</b>', 'https://h.example/sign-in');
    expect(inUse.subject).toBe('An account already uses this address on <b>Site</b>');
    expect(inUse.html).not.toContain('<b>');
    expect(inUse.text).toContain('https://h.example/sign-in');
    expect(inUse.text).not.toContain('verify-email');
  });
});
