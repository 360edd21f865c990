import type { Locale, SanctionType } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { htmlMessage } from './layout';

export interface SanctionMailInput {
  to: string;
  locale: Locale;
  siteName: string;
  type: SanctionType;
  reason: string;
  /** The end of a silence or suspension. */
  until: Date | null;
  /** Where the member reads it and may appeal (the site's address). */
  link: string;
}

const WORDS: Record<Locale, { subject: Record<SanctionType, string>; what: Record<SanctionType, string>; reason: string; appeal: string }> =
  {
    en: {
      subject: {
        warn: 'A warning',
        silence: 'Your account is read-only for now',
        suspend: 'Your account is suspended',
        ban: 'Your account is banned',
      },
      what: {
        warn: 'A moderator has sent you a warning. Please read it when you next sign in.',
        silence: 'A moderator has made your account read-only until {until}: you can read, but not post.',
        suspend: 'A moderator has suspended your account until {until}. You cannot sign in until then.',
        ban: 'A moderator has banned your account. You can no longer sign in.',
      },
      reason: 'The reason given',
      appeal: 'You may appeal once, from the site, with a message to the moderators.',
    },
    fr: {
      subject: {
        warn: 'Un avertissement',
        silence: 'Votre compte est en lecture seule pour le moment',
        suspend: 'Votre compte est suspendu',
        ban: 'Votre compte est banni',
      },
      what: {
        warn: 'Une personne de la modération vous a adressé un avertissement. Lisez-le à votre prochaine connexion.',
        silence: 'Une personne de la modération a mis votre compte en lecture seule jusqu’au {until} : vous pouvez lire, pas publier.',
        suspend: 'Une personne de la modération a suspendu votre compte jusqu’au {until}. Vous ne pouvez pas vous connecter d’ici là.',
        ban: 'Une personne de la modération a banni votre compte. Vous ne pouvez plus vous connecter.',
      },
      reason: 'Le motif donné',
      appeal: 'Vous pouvez faire appel une fois, depuis le site, avec un message à la modération.',
    },
  };

/** Tells a member of a sanction in their own language, with the reason a moderator gave. */
export function sanctionMail(input: SanctionMailInput): OutgoingMail {
  const words = WORDS[input.locale];
  const until = input.until
    ? new Intl.DateTimeFormat(input.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
        input.until,
      ) + ' UTC'
    : '';
  const what = words.what[input.type].replace('{until}', until);
  const reason = `${words.reason}: ${input.reason}`;
  return {
    to: input.to,
    subject: `${words.subject[input.type]} · ${input.siteName}`,
    text: `${what}\n\n${reason}\n\n${words.appeal}\n${input.link}\n`,
    html: htmlMessage([what, reason, words.appeal], { label: input.siteName, url: input.link }),
  };
}
