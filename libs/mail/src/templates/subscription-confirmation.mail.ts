import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { linkMail } from './layout';

const TEXT = {
  en: {
    subject: (sender: string) => `Confirm your subscription to ${sender}'s mailings`,
    intro: (sender: string) =>
      `Someone (we hope you) asked to receive ${sender}'s mailings at this address. Nothing will be sent until you confirm. If it was not you, ignore this message.`,
    expiry: 'This link works for 7 days.',
    action: 'Yes, subscribe me',
  },
  fr: {
    subject: (sender: string) => `Confirmez votre abonnement aux envois de ${sender}`,
    intro: (sender: string) =>
      `Quelqu’un (vous, nous l’espérons) a demandé à recevoir les envois de ${sender} à cette adresse. Rien ne sera envoyé sans votre confirmation. Si ce n’était pas vous, ignorez ce message.`,
    expiry: 'Ce lien fonctionne pendant 7 jours.',
    action: 'Oui, je m’abonne',
  },
} as const;

/** The double opt-in message: nothing is mailed to a new address until its owner follows this link. */
export function subscriptionConfirmationMail(to: string, locale: Locale, sender: string, link: string): OutgoingMail {
  const t = TEXT[locale];
  return linkMail(to, { subject: t.subject(sender), intro: t.intro(sender), expiry: t.expiry, action: t.action }, link);
}
