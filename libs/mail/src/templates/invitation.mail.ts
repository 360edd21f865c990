import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { linkMail } from './layout';

const TEXT = {
  en: {
    subject: (site: string) => `You are invited to join ${site}`,
    intro: (site: string) => `You are invited to create an account on ${site}. No real name is ever required: a pseudonym is fine.`,
    expiry: 'This invitation works once, within 14 days.',
    action: 'Create my account',
  },
  fr: {
    subject: (site: string) => `Vous êtes invité·e à rejoindre ${site}`,
    intro: (site: string) => `Vous êtes invité·e à créer un compte sur ${site}. Aucun vrai nom n’est demandé : un pseudonyme convient.`,
    expiry: 'Cette invitation fonctionne une fois, pendant 14 jours.',
    action: 'Créer mon compte',
  },
} as const;

export function invitationMail(to: string, locale: Locale, siteName: string, link: string): OutgoingMail {
  const t = TEXT[locale];
  return linkMail(to, { subject: t.subject(siteName), intro: t.intro(siteName), expiry: t.expiry, action: t.action }, link);
}
