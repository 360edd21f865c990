import type { Locale } from '@harbour/contracts';
import type { OutgoingMail } from '../mail.transport';
import { htmlMessage, linkMail } from './layout';

/*
 * The mails about a member's address: the link that verifies it (new account or change of address), the
 * notice to the old address when it changes, and the notice to an address someone tried to register again.
 * None names the member or the forum's content: the address may be read by someone else (discreet mode).
 */

const TEXT = {
  en: {
    verify: {
      subject: (site: string) => `Confirm your email address for ${site}`,
      intro: 'Someone created an account with this address. If it was you, confirm the address here to sign in:',
      expiry: 'This link works once, within 48 hours. If you did not create an account, ignore this message.',
      action: 'Confirm my address',
    },
    change: {
      subject: (site: string) => `Confirm your new email address for ${site}`,
      intro: 'Someone asked to use this address for their account. If it was you, confirm it here:',
      expiry:
        'This link works once, within 48 hours. Until then the account keeps its old address. If it was not you, ignore this message.',
      action: 'Use this address',
    },
    changeNotice: {
      subject: (site: string) => `Your ${site} email address is being changed`,
      body: [
        'Someone signed in to your account asked to move it to another email address. The change happens only when the link sent to the new address is followed.',
        'If it was not you, sign in and change your password now, and sign out your other sessions.',
      ],
    },
    passwordChanged: {
      subject: (site: string) => `Your ${site} password was changed`,
      body: [
        'The password of your account was just changed, and every other device was signed out.',
        'If it was not you, choose a new password now with the link below: it works for whoever reads this address.',
      ],
      action: 'Choose a new password',
    },
    inUse: {
      subject: (site: string) => `An account already uses this address on ${site}`,
      body: [
        'Someone tried to use this email address for a new account, but an account already uses it, so nothing was created.',
        'If it was you, sign in, or ask for a new password if you forgot it. If it was not you, ignore this message.',
      ],
      action: 'Sign in',
    },
  },
  fr: {
    verify: {
      subject: (site: string) => `Confirmez votre adresse courriel pour ${site}`,
      intro: 'Quelqu’un a créé un compte avec cette adresse. Si c’est vous, confirmez l’adresse ici pour vous connecter :',
      expiry: 'Ce lien ne fonctionne qu’une fois, pendant 48 heures. Si vous n’avez pas créé de compte, ignorez ce message.',
      action: 'Confirmer mon adresse',
    },
    change: {
      subject: (site: string) => `Confirmez votre nouvelle adresse courriel pour ${site}`,
      intro: 'Quelqu’un a demandé à utiliser cette adresse pour son compte. Si c’est vous, confirmez-la ici :',
      expiry:
        'Ce lien ne fonctionne qu’une fois, pendant 48 heures. D’ici là, le compte garde son ancienne adresse. Si ce n’est pas vous, ignorez ce message.',
      action: 'Utiliser cette adresse',
    },
    changeNotice: {
      subject: (site: string) => `L’adresse courriel de votre compte ${site} va changer`,
      body: [
        'Une personne connectée à votre compte a demandé à le déplacer vers une autre adresse courriel. Le changement n’a lieu que lorsque le lien envoyé à la nouvelle adresse est suivi.',
        'Si ce n’est pas vous, connectez-vous et changez votre mot de passe maintenant, puis déconnectez vos autres sessions.',
      ],
    },
    passwordChanged: {
      subject: (site: string) => `Le mot de passe de votre compte ${site} a changé`,
      body: [
        'Le mot de passe de votre compte vient d’être changé, et tous les autres appareils ont été déconnectés.',
        'Si ce n’est pas vous, choisissez un nouveau mot de passe maintenant avec le lien ci-dessous : il fonctionne pour qui lit cette adresse.',
      ],
      action: 'Choisir un nouveau mot de passe',
    },
    inUse: {
      subject: (site: string) => `Un compte utilise déjà cette adresse sur ${site}`,
      body: [
        'Quelqu’un a essayé d’utiliser cette adresse courriel pour un nouveau compte, mais un compte l’utilise déjà : rien n’a été créé.',
        'Si c’est vous, connectez-vous, ou demandez un nouveau mot de passe si vous l’avez oublié. Sinon, ignorez ce message.',
      ],
      action: 'Se connecter',
    },
  },
} as const;

/** The link that verifies the address of a new account. */
export function verifyEmailMail(to: string, locale: Locale, siteName: string, link: string): OutgoingMail {
  const t = TEXT[locale].verify;
  return linkMail(to, { subject: t.subject(siteName), intro: t.intro, expiry: t.expiry, action: t.action }, link);
}

/** The link, sent to the new address, that makes it the account's. */
export function confirmEmailChangeMail(to: string, locale: Locale, siteName: string, link: string): OutgoingMail {
  const t = TEXT[locale].change;
  return linkMail(to, { subject: t.subject(siteName), intro: t.intro, expiry: t.expiry, action: t.action }, link);
}

/** The notice to the old address that a change was asked (a hijacked session shows up here). */
export function emailChangeNoticeMail(to: string, locale: Locale, siteName: string): OutgoingMail {
  const t = TEXT[locale].changeNotice;
  return { to, subject: t.subject(siteName), text: `${t.body.join('\n\n')}\n`, html: htmlMessage([...t.body]) };
}

/** After a change of password: if someone else did it, the owner of the address can take the account back. */
export function passwordChangedMail(to: string, locale: Locale, siteName: string, resetPage: string): OutgoingMail {
  const t = TEXT[locale].passwordChanged;
  return {
    to,
    subject: t.subject(siteName),
    text: `${t.body.join('\n\n')}\n\n${t.action}: ${resetPage}\n`,
    html: htmlMessage([t.body[0]], { label: t.action, url: resetPage }, [t.body[1]]),
  };
}

/** To the owner of an address someone tried to register (or move an account to): nobody else learns it is taken. */
export function addressInUseMail(to: string, locale: Locale, siteName: string, signInLink: string): OutgoingMail {
  const t = TEXT[locale].inUse;
  return {
    to,
    subject: t.subject(siteName),
    text: `${t.body.join('\n\n')}\n\n${t.action}: ${signInLink}\n`,
    html: htmlMessage([t.body[0]], { label: t.action, url: signInLink }, [t.body[1]]),
  };
}
