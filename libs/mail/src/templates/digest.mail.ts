import type { DigestFrequency, Locale, NotificationDto } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml, memberMail } from './layout';
import { discreetMail } from './discreet.mail';
import { contentWarningLine, notificationSentence, type NotificationMailInput } from './notification.mail';

const TEXT = {
  en: {
    subject: (site: string, frequency: DigestFrequency) => `Your ${frequency === 'weekly' ? 'weekly' : 'daily'} summary from ${site}`,
    open: 'Open your notifications',
    stop: 'Stop these summaries',
    choose: 'Choose which emails you get',
  },
  fr: {
    subject: (site: string, frequency: DigestFrequency) =>
      `Votre résumé ${frequency === 'weekly' ? 'de la semaine' : 'du jour'} sur ${site}`,
    open: 'Ouvrir vos notifications',
    stop: 'Ne plus recevoir ces résumés',
    choose: 'Choisir les courriels que vous recevez',
  },
} as const;

/** A summary of unread notifications; a discreet member gets the neutral discreetMail. */
export function digestMail(
  notifications: NotificationDto[],
  frequency: DigestFrequency,
  input: Omit<NotificationMailInput, 'excerpt'> & { locale: Locale },
): OutgoingMail {
  // Discreet: the same neutral email as any other, not even saying it is a summary.
  if (input.discreet) return discreetMail(input);
  const t = TEXT[input.locale];
  const lines = notifications.map((n) => {
    // A post behind a content warning is announced with its warning, as everywhere its words would go.
    const warning = contentWarningLine(n, input.locale);
    return `• ${notificationSentence(n, input.locale)}${warning ? ` — ${warning}` : ''}`;
  });
  return memberMail(
    input.to,
    t.subject(input.siteName, frequency),
    {
      text: lines,
      html: `<ul>${lines.map((line) => `<li>${escapeHtml(line.slice(2))}</li>`).join('')}</ul>`,
    },
    { label: t.open, url: input.link },
    t,
    input,
  );
}
