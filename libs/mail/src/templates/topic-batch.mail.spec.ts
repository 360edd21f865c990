import type { NotificationDto } from '@harbour/contracts';
import { topicBatchMail, type BatchItem } from './topic-batch.mail';

const input = {
  to: 'a@example.org',
  siteName: 'Harbour',
  discreet: false,
  excerpt: null,
  link: 'https://h.example/t/kits/t1/2',
  unsubscribePage: 'https://h.example/unsubscribe?token=t',
  oneClickUnsubscribe: 'https://h.example/api/notifications/unsubscribe?token=t',
  preferencesPage: 'https://h.example/settings/notifications',
};

/** Newest first, as the mailer passes them: reply 5 down to reply 1. */
function replies(count: number, contentWarning?: string): BatchItem[] {
  return Array.from({ length: count }, (_, index) => {
    const n = count - index;
    const notification: NotificationDto = {
      id: `n${n}`,
      type: 'reply',
      createdAt: '2026-01-01T00:00:00.000Z',
      readAt: null,
      actor: null,
      topicId: 't1',
      postId: `p${n}`,
      data: { count: 1, topicTitle: 'Kits', ...(contentWarning && n === count ? { contentWarning } : {}) },
    };
    return { notification, excerpt: `words of reply ${n}` };
  });
}

describe('one email for a topic’s notifications', () => {
  it('says how many, quotes the three newest, counts the rest, and links to the first', () => {
    const mail = topicBatchMail(replies(5), { ...input, locale: 'en' });
    expect(mail.subject).toBe('5 new notifications in “Kits”');
    expect(mail.text).toContain('> words of reply 5');
    expect(mail.text).toContain('> words of reply 3');
    expect(mail.text).not.toContain('reply 2');
    expect(mail.text).toContain('…and 2 more.');
    expect(mail.text).toContain(`Read them: ${input.link}`);
    expect(mail.headers?.['List-Unsubscribe']).toBe(`<${input.oneClickUnsubscribe}>`);
  });

  it('speaks French, shows a content warning instead of the words, and says nothing at all when discreet', () => {
    const french = topicBatchMail(replies(2, 'overdose'), { ...input, locale: 'fr' });
    expect(french.subject).toBe('2 nouvelles notifications dans « Kits »');
    expect(french.text).toContain('Avertissement de contenu : overdose.');
    expect(french.text).not.toContain('words of reply 2');
    expect(french.text).toContain('> words of reply 1');

    const discreet = topicBatchMail(replies(4), { ...input, locale: 'en', discreet: true });
    expect(discreet.subject).toBe('You have new activity');
    expect(discreet.fromName).toBe('Notifications');
    expect(discreet.subject + discreet.text + discreet.html).not.toMatch(/Kits|words|new notifications|Harbour/);
  });

  it('is the ordinary notification email for a single one', () => {
    const single = topicBatchMail(replies(1), { ...input, locale: 'en' });
    expect(single.subject).toBe('Someone replied to you in “Kits”');
    expect(single.text).toContain('> words of reply 1');
  });
});
