import type { NotificationDto } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { escapeHtml, memberMail } from './layout';
import { contentWarningLine, notificationMail, notificationSentence, type NotificationMailInput } from './notification.mail';

/** One notification of a topic's batch, with its post's excerpt (null behind a warning, for a reaction, or discreetly). */
export interface BatchItem {
  notification: NotificationDto;
  excerpt: string | null;
}

/** How many of a batch's newest notifications the email spells out: enough to decide whether to open it. */
const SHOWN = 3;

const TEXT = {
  en: {
    subject: (count: number, title: string) => `${count} new notifications in “${title}”`,
    more: (count: number) => `…and ${count} more.`,
    open: 'Read them',
    stop: 'Stop emails like this one',
    choose: 'Choose which emails you get',
  },
  fr: {
    subject: (count: number, title: string) => `${count} nouvelles notifications dans « ${title} »`,
    more: (count: number) => `…et ${count} de plus.`,
    open: 'Les lire',
    stop: 'Ne plus recevoir ce genre de courriel',
    choose: 'Choisir les courriels que vous recevez',
  },
} as const;

/**
 * One email for a member's unread notifications about one topic (newest first): their number, the newest
 * few with their excerpts, and a link to the first of them. A single one is the ordinary notification email;
 * a discreet one says only that there is new activity, whatever the number.
 */
export function topicBatchMail(items: BatchItem[], input: NotificationMailInput): OutgoingMail {
  const [newest] = items;
  if (!newest) throw new Error('topicBatchMail needs at least one notification');
  if (items.length === 1 || input.discreet) return notificationMail(newest.notification, { ...input, excerpt: newest.excerpt });
  const t = TEXT[input.locale];
  const count = items.reduce((sum, item) => sum + item.notification.data.count, 0);
  const shown = items.slice(0, SHOWN).map((item) => {
    const warning = contentWarningLine(item.notification, input.locale);
    return { sentence: `${notificationSentence(item.notification, input.locale)}.`, warning, excerpt: warning ? null : item.excerpt };
  });
  const rest = items.length - shown.length;
  return memberMail(
    input.to,
    t.subject(count, newest.notification.data.topicTitle ?? ''),
    {
      text: [
        ...shown.map((item) =>
          [item.sentence, ...(item.warning ? [item.warning] : []), ...(item.excerpt ? [item.excerpt.replace(/^/gm, '> ')] : [])].join('\n'),
        ),
        ...(rest > 0 ? [t.more(rest)] : []),
      ],
      html:
        shown
          .map(
            (item) =>
              `<p>${escapeHtml(item.sentence)}</p>` +
              (item.warning ? `<p><em>${escapeHtml(item.warning)}</em></p>` : '') +
              (item.excerpt
                ? `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em">${escapeHtml(item.excerpt)}</blockquote>`
                : ''),
          )
          .join('') + (rest > 0 ? `<p>${escapeHtml(t.more(rest))}</p>` : ''),
    },
    { label: t.open, url: input.link },
    t,
    input,
  );
}
