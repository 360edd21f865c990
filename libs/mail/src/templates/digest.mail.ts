import type { DigestFrequency, Locale, NotificationDto } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml, memberMail } from './layout';
import { discreetMail } from './discreet.mail';
import { contentWarningLine, notificationSentence, type NotificationMailInput } from './notification.mail';

const TEXT = {
  en: {
    subject: (site: string, frequency: DigestFrequency) => `Your ${frequency === 'weekly' ? 'weekly' : 'daily'} summary from ${site}`,
    open: 'Open your notifications',
    reply: 'reply by email',
    stop: 'Stop these summaries',
    choose: 'Choose which emails you get',
  },
  fr: {
    subject: (site: string, frequency: DigestFrequency) =>
      `Votre résumé ${frequency === 'weekly' ? 'de la semaine' : 'du jour'} sur ${site}`,
    open: 'Ouvrir vos notifications',
    reply: 'répondre par courriel',
    stop: 'Ne plus recevoir ces résumés',
    choose: 'Choisir les courriels que vous recevez',
  },
} as const;

/**
 * A summary of unread notifications; a discreet member gets the neutral discreetMail. `replyTo` gives some of them
 * (by notification id) the reply address of their topic or conversation: a summary is about many places, so each
 * line says where to write instead of the whole email answering one.
 */
export function digestMail(
  notifications: NotificationDto[],
  frequency: DigestFrequency,
  input: Omit<NotificationMailInput, 'excerpt'> & { locale: Locale; replyTo?: ReadonlyMap<string, string> },
): OutgoingMail {
  // Discreet: the same neutral email as any other, not even saying it is a summary.
  if (input.discreet) return discreetMail(input);
  const t = TEXT[input.locale];
  const lines = notifications.map((n) => {
    // A post behind a content warning is announced with its warning, as everywhere its words would go.
    const warning = contentWarningLine(n, input.locale);
    return { text: `${notificationSentence(n, input.locale)}${warning ? ` — ${warning}` : ''}`, replyTo: input.replyTo?.get(n.id) };
  });
  return memberMail(
    input.to,
    t.subject(input.siteName, frequency),
    {
      text: lines.map((line) => `• ${line.text}${line.replyTo ? ` (${t.reply}: ${line.replyTo})` : ''}`),
      html: `<ul>${lines
        .map(
          (line) =>
            `<li>${escapeHtml(line.text)}${line.replyTo ? ` (<a href="mailto:${escapeHtml(line.replyTo)}">${escapeHtml(t.reply)}</a>)` : ''}</li>`,
        )
        .join('')}</ul>`,
    },
    { label: t.open, url: input.link },
    t,
    input,
  );
}
