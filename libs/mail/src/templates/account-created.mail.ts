import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { linkMail } from './layout';

const TEXT = {
  en: {
    subject: (site: string) => `Your account on ${site}`,
    intro: (site: string, username: string) =>
      `An admin of ${site} made you an account with the username ${username}. Choose your password to sign in:`,
    expiry: 'This link works once, within seven days. If you did not expect it, ignore this message: nobody can sign in without it.',
    action: 'Choose my password',
  },
  fr: {
    subject: (site: string) => `Votre compte sur ${site}`,
    intro: (site: string, username: string) =>
      `Une personne qui administre ${site} vous a créé un compte avec le nom d’utilisateur ${username}. Choisissez votre mot de passe pour vous connecter :`,
    expiry:
      'Ce lien ne fonctionne qu’une fois, pendant sept jours. Si vous ne l’attendiez pas, ignorez ce message : personne ne peut se connecter sans lui.',
    action: 'Choisir mon mot de passe',
  },
} as const;

/** To a member whose account an admin made: the link sets their first password (and proves the address). */
export function accountCreatedMail(to: string, locale: Locale, siteName: string, username: string, link: string): OutgoingMail {
  const t = TEXT[locale];
  return linkMail(to, { subject: t.subject(siteName), intro: t.intro(siteName, username), expiry: t.expiry, action: t.action }, link);
}
