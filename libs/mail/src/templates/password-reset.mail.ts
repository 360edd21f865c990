import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { linkMail } from './layout';

const TEXT = {
  en: {
    subject: (site: string) => `Reset your ${site} password`,
    intro: 'Someone asked to reset the password of your account. If it was you, choose a new password here:',
    expiry: 'This link works once, within one hour. If you did not ask for it, ignore this message: your password stays as it is.',
    action: 'Choose a new password',
  },
  fr: {
    subject: (site: string) => `Réinitialiser votre mot de passe ${site}`,
    intro: 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte. Si c’est vous, choisissez un nouveau mot de passe ici :',
    expiry:
      'Ce lien ne fonctionne qu’une fois, pendant une heure. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    action: 'Choisir un nouveau mot de passe',
  },
} as const;

export function passwordResetMail(to: string, locale: Locale, siteName: string, link: string): OutgoingMail {
  const t = TEXT[locale];
  return linkMail(to, { subject: t.subject(siteName), intro: t.intro, expiry: t.expiry, action: t.action }, link);
}
