import type { DigestFrequency, Locale, NotificationDto } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml, memberMail } from './layout';
import { contentWarningLine, discreetSubject, notificationSentence, type NotificationMailInput } from './notification.mail';

const TEXT = {
  en: {
    subject: (site: string, frequency: DigestFrequency) => `Your ${frequency === 'weekly' ? 'weekly' : 'daily'} summary from ${site}`,
    discreetLine: (count: number) => `${count} unread notification${count > 1 ? 's' : ''} are waiting for you.`,
    open: 'Open your notifications',
    stop: 'Stop these summaries',
    choose: 'Choose which emails you get',
  },
  fr: {
    subject: (site: string, frequency: DigestFrequency) =>
      `Votre résumé ${frequency === 'weekly' ? 'de la semaine' : 'du jour'} sur ${site}`,
    discreetLine: (count: number) =>
      `${count} notification${count > 1 ? 's' : ''} non lue${count > 1 ? 's' : ''} vous attend${count > 1 ? 'ent' : ''}.`,
    open: 'Ouvrir vos notifications',
    stop: 'Ne plus recevoir ces résumés',
    choose: 'Choisir les courriels que vous recevez',
  },
} as const;

/** A summary of unread notifications; a discreet member gets only how many are waiting. */
export function digestMail(
  notifications: NotificationDto[],
  frequency: DigestFrequency,
  input: Omit<NotificationMailInput, 'excerpt'> & { locale: Locale },
): OutgoingMail {
  const t = TEXT[input.locale];
  // The discreet subject is the same as for single notifications: it tells nothing, not even that it is a summary.
  const subject = input.discreet ? discreetSubject(input.locale, input.siteName) : t.subject(input.siteName, frequency);
  const lines = input.discreet
    ? [t.discreetLine(notifications.length)]
    : notifications.map((n) => {
        // A post behind a content warning is announced with its warning, as everywhere its words would go.
        const warning = contentWarningLine(n, input.locale);
        return `• ${notificationSentence(n, input.locale)}${warning ? ` — ${warning}` : ''}`;
      });
  return memberMail(
    input.to,
    subject,
    {
      text: lines,
      html: input.discreet
        ? `<p>${escapeHtml(lines[0] ?? '')}</p>`
        : `<ul>${lines.map((line) => `<li>${escapeHtml(line.slice(2))}</li>`).join('')}</ul>`,
    },
    { label: t.open, url: input.link },
    t,
    input,
  );
}
