import type { Locale, NotificationDto } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { discreetMail } from './discreet.mail';
import { escapeHtml, memberMail, type UnsubscribeLinks } from './layout';

/** What a notification email needs beyond the notification: where it goes and how to stop it. */
export interface NotificationMailInput extends UnsubscribeLinks {
  to: string;
  locale: Locale;
  siteName: string;
  /** The neutral discreetMail (no site name, no detail at all), for members who share a device. */
  discreet: boolean;
  /** Plain text of the post, already cut short; left out when discreet. */
  excerpt: string | null;
  /** Where the notification leads (the post, the group). */
  link: string;
}

const quote = { en: (text: string) => `“${text}”`, fr: (text: string) => `« ${text} »` } as const;

const WARNING = {
  en: (warning: string) => `Content warning: ${warning}. Open the post to read it.`,
  fr: (warning: string) => `Avertissement de contenu : ${warning}. Ouvrez le message pour le lire.`,
} as const;

/** What stands for a post's words behind a content warning (null without one): the warning, never the words. */
export function contentWarningLine(notification: NotificationDto, locale: Locale): string | null {
  return notification.data.contentWarning ? WARNING[locale](notification.data.contentWarning) : null;
}

/** The sentence that says what happened, in the member's language. */
export function notificationSentence(notification: NotificationDto, locale: Locale): string {
  const actor = notification.actor?.displayName ?? (locale === 'fr' ? 'Quelqu’un' : 'Someone');
  const topic = quote[locale](notification.data.topicTitle ?? '');
  const group = notification.data.groupName ?? '';
  const more = notification.data.count - 1;
  const en: Record<NotificationDto['type'], string> = {
    reply: `${actor} replied to you in ${topic}`,
    mention: `${actor} mentioned you in ${topic}`,
    quote: `${actor} quoted you in ${topic}`,
    reaction: `${actor}${more > 0 ? ` and ${more} other${more > 1 ? 's' : ''}` : ''} reacted to your post in ${topic}`,
    watched_topic_post: `${notification.data.count} new post${notification.data.count > 1 ? 's' : ''} in ${topic}`,
    watched_category_topic: `${actor} started ${topic}`,
    group_invitation: `${actor} invited you to the group ${group}`,
    group_join_request: `${actor}${more > 0 ? ` and ${more} other${more > 1 ? 's' : ''}` : ''} asked to join ${group}`,
    moderation:
      notification.data.outcome === 'post_unmasked'
        ? `Two staff members were shown that you wrote your anonymous post in ${topic}. The reason given: ${notification.data.reason ?? ''}`
        : 'A moderator made a decision about your content',
    message: `${actor} sent you a message: ${quote.en(notification.data.subject ?? '')}`,
    staff:
      {
        registration_pending: `${notification.data.count} registration${more > 0 ? 's' : ''} waiting for your approval`,
        appeal: `${notification.data.count} new appeal${more > 0 ? 's' : ''} in the review queue`,
      }[notification.data.outcome ?? ''] ?? `${notification.data.count} new report${more > 0 ? 's' : ''} in the review queue`,
  };
  const fr: Record<NotificationDto['type'], string> = {
    reply: `${actor} vous a répondu dans ${topic}`,
    mention: `${actor} vous a mentionné·e dans ${topic}`,
    quote: `${actor} vous a cité·e dans ${topic}`,
    reaction: `${actor}${more > 0 ? ` et ${more} autre${more > 1 ? 's' : ''}` : ''} ont réagi à votre message dans ${topic}`,
    watched_topic_post: `${notification.data.count} nouveau${notification.data.count > 1 ? 'x' : ''} message${notification.data.count > 1 ? 's' : ''} dans ${topic}`,
    watched_category_topic: `${actor} a ouvert le sujet ${topic}`,
    group_invitation: `${actor} vous invite dans le groupe ${group}`,
    group_join_request: `${actor}${more > 0 ? ` et ${more} autre${more > 1 ? 's' : ''}` : ''} demandent à rejoindre ${group}`,
    moderation:
      notification.data.outcome === 'post_unmasked'
        ? `Deux membres de l’équipe ont appris que vous avez écrit votre message anonyme dans ${topic}. La raison donnée : ${notification.data.reason ?? ''}`
        : 'Une personne de la modération a pris une décision sur votre contenu',
    message: `${actor} vous a écrit : ${quote.fr(notification.data.subject ?? '')}`,
    staff:
      {
        registration_pending: `${notification.data.count} inscription${more > 0 ? 's' : ''} en attente de votre approbation`,
        appeal: `${notification.data.count} ${more > 0 ? 'nouveaux appels' : 'nouvel appel'} dans la file de modération`,
      }[notification.data.outcome ?? ''] ??
      `${notification.data.count} nouveau${more > 0 ? 'x' : ''} signalement${more > 0 ? 's' : ''} dans la file de modération`,
  };
  return (locale === 'fr' ? fr : en)[notification.type];
}

const TEXT = {
  en: { open: 'Open it', stop: 'Stop emails like this one', choose: 'Choose which emails you get' },
  fr: { open: 'Ouvrir', stop: 'Ne plus recevoir ce genre de courriel', choose: 'Choisir les courriels que vous recevez' },
} as const;

/** One notification by email, with a one-click unsubscribe for that kind of mail. */
export function notificationMail(notification: NotificationDto, input: NotificationMailInput): OutgoingMail {
  // Discreet: nothing of the notification at all, a private message being only "New message".
  if (input.discreet) return discreetMail({ ...input, kind: notification.type === 'message' ? 'message' : 'activity' });
  const t = TEXT[input.locale];
  const sentence = notificationSentence(notification, input.locale);
  const intro = `${sentence}.`;
  const warning = contentWarningLine(notification, input.locale);
  const excerpt = warning ? null : input.excerpt;
  return memberMail(
    input.to,
    sentence,
    {
      text: [intro, ...(warning ? [warning] : []), ...(excerpt ? [excerpt.replace(/^/gm, '> ')] : [])],
      html:
        `<p>${escapeHtml(intro)}</p>` +
        (warning ? `<p><em>${escapeHtml(warning)}</em></p>` : '') +
        (excerpt ? `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:1em">${escapeHtml(excerpt)}</blockquote>` : ''),
    },
    { label: t.open, url: input.link },
    t,
    input,
  );
}
