import type { NotificationDto } from '@harbour/contracts';
import { digestMail } from './digest.mail';
import { notificationMail } from './notification.mail';

const links = {
  unsubscribePage: 'https://h.example/unsubscribe?token=t',
  oneClickUnsubscribe: 'https://h.example/api/notifications/unsubscribe?token=t',
  preferencesPage: 'https://h.example/settings/notifications',
};
const input = { to: 'a@example.org', siteName: 'Harbour', discreet: false, link: 'https://h.example/t/1', ...links };

function reply(contentWarning?: string): NotificationDto {
  return {
    id: 'n1',
    type: 'reply',
    createdAt: '2026-01-01T00:00:00.000Z',
    readAt: null,
    actor: {
      id: 'u1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'member',
      createdAt: '2026-01-01T00:00:00.000Z',
      avatarUrl: '/api/avatars/u1?v=0',
    },
    topicId: 't1',
    postId: 'p1',
    data: { count: 1, topicTitle: 'Kits', ...(contentWarning ? { contentWarning } : {}) },
  };
}

describe('notification mails and content warnings', () => {
  it('show the warning instead of the words, in both parts and both languages', () => {
    const en = notificationMail(reply('overdose <b>'), { ...input, locale: 'en', excerpt: 'the secret words' });
    const fr = notificationMail(reply('overdose <b>'), { ...input, locale: 'fr', excerpt: 'the secret words' });
    expect(en.text).toContain('Content warning: overdose <b>. Open the post to read it.');
    expect(en.html).toContain('Content warning: overdose &lt;b&gt;.');
    expect(fr.text).toContain('Avertissement de contenu : overdose <b>.');
    for (const mail of [en, fr]) expect(mail.text + mail.html).not.toContain('secret');
  });

  it('quote the words when there is no warning, and say nothing at all when discreet', () => {
    expect(notificationMail(reply(), { ...input, locale: 'en', excerpt: 'the open words' }).text).toContain('> the open words');
    const discreet = notificationMail(reply('overdose'), { ...input, locale: 'en', discreet: true, excerpt: null });
    expect(discreet.subject + discreet.text + discreet.html).not.toMatch(/overdose|Kits|Rosa|Harbour/);
    expect(discreet).toMatchObject({ subject: 'You have new activity', fromName: 'Notifications' });
    const digest = digestMail([reply('overdose')], 'weekly', { ...input, locale: 'fr', discreet: true });
    expect(digest).toMatchObject({ subject: 'Vous avez du nouveau', fromName: 'Notifications' });
    expect(digest.subject + digest.text + digest.html).not.toMatch(/overdose|Kits|Rosa|Harbour|résumé/);
  });

  it('announce a warned post in a digest by its warning', () => {
    const digest = digestMail([reply('violence'), reply()], 'daily', { ...input, locale: 'en' });
    expect(digest.text).toContain('Rosa replied to you in “Kits” — Content warning: violence. Open the post to read it.');
    expect(digest.html).toContain('Content warning: violence');
  });
});
